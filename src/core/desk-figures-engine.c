/* desk-figures-engine.c — running the measures of desk-figures-measures.c.
 *
 * Two queries are composed from one measure's fixed fragments: a GROUP BY
 * that computes a whole column of a sheet (one query per measure, period
 * and breakdown, cached for the report), and a listing of the records
 * behind one figure.  Both select the same parts with the same conditions,
 * each part pinned to its date index with INDEXED BY, so a statement that
 * could not use the index fails to prepare instead of silently scanning
 * the whole ledger.  The SQL text is assembled only from constants in
 * code; dates and keys are bound.
 */
#define G_LOG_DOMAIN "desk-figures"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "desk-date.h"
#include "desk-figures-private.h"
#include "desk-settings.h"

static char *
month_first (int year,
             int month)
{
  return g_strdup_printf ("%04d-%02d-01", year, month);
}

static char *
next_month_first (int year,
                  int month)
{
  return month == 12 ? month_first (year + 1, 1) : month_first (year, month + 1);
}

FigCtx *
fig_ctx_new (DeskStore *store,
             int        year,
             int        month)
{
  FigCtx *ctx = g_new0 (FigCtx, 1);
  int prev_year = month == 1 ? year - 1 : year;
  int prev_month = month == 1 ? 12 : month - 1;

  ctx->store = g_object_ref (store);
  ctx->year = year;
  ctx->month = month;
  desk_month_bounds (year, month, &ctx->first, &ctx->last);
  ctx->jan1 = g_strdup_printf ("%04d-01-01", year);

  ctx->lo[FIG_PERIOD_MONTH] = month_first (year, month);
  ctx->hi[FIG_PERIOD_MONTH] = next_month_first (year, month);
  ctx->lo[FIG_PERIOD_YEAR] = month_first (year, 1);
  ctx->hi[FIG_PERIOD_YEAR] = next_month_first (year, month);
  ctx->lo[FIG_PERIOD_PREV_MONTH] = month_first (prev_year, prev_month);
  ctx->hi[FIG_PERIOD_PREV_MONTH] = next_month_first (prev_year, prev_month);
  ctx->lo[FIG_PERIOD_LAST_YEAR_MONTH] = month_first (year - 1, month);
  ctx->hi[FIG_PERIOD_LAST_YEAR_MONTH] = next_month_first (year - 1, month);
  ctx->lo[FIG_PERIOD_LAST_YEAR_TO_DATE] = month_first (year - 1, 1);
  ctx->hi[FIG_PERIOD_LAST_YEAR_TO_DATE] = next_month_first (year - 1, month);

  fig_ctx_set_as_of (ctx, ctx->last);

  ctx->aid_limit = desk_settings_get_int (store, "aid-limit-days");
  ctx->min_visits = desk_settings_get_int (store, "adviser-min-visits");
  ctx->min_hours = desk_settings_get_int (store, "adviser-min-hours");
  ctx->aggs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) g_hash_table_unref);
  return ctx;
}

/* The day snapshots (期末未结, registers active "on the last day") are
 * taken; the checks move it to today when today is earlier. */
void
fig_ctx_set_as_of (FigCtx     *ctx,
                   const char *day)
{
  char *copy = g_strdup (day);

  g_free (ctx->as_of);
  g_free (ctx->as_of_next);
  ctx->as_of = copy;
  ctx->as_of_next = desk_date_add_days (copy, 1);
  if (ctx->aggs != NULL)
    g_hash_table_remove_all (ctx->aggs);
}

void
fig_ctx_free (FigCtx *ctx)
{
  if (ctx == NULL)
    return;
  g_clear_object (&ctx->store);
  g_free (ctx->first);
  g_free (ctx->last);
  g_free (ctx->jan1);
  for (int i = 0; i < FIG_N_PERIODS; i++)
    {
      g_free (ctx->lo[i]);
      g_free (ctx->hi[i]);
    }
  g_free (ctx->as_of);
  g_free (ctx->as_of_next);
  g_clear_pointer (&ctx->aggs, g_hash_table_unref);
  g_free (ctx);
}

gboolean
fig_read_begin (DeskStore  *store,
                gboolean   *began,
                GError    **error)
{
  *began = sqlite3_get_autocommit (desk_store_get_db (store)) != 0;
  return !*began || desk_store_exec (store, "BEGIN", error);
}

void
fig_read_end (DeskStore *store,
              gboolean   began)
{
  if (began)
    desk_store_exec (store, "COMMIT", NULL);
}

gboolean
fig_dim_is_id (FigDim dim)
{
  return dim == FIG_DIM_COMMITTEE || dim == FIG_DIM_ADVISER;
}

static guint
n_values (const FigMeasure *measure)
{
  guint n = 0;

  while (n < FIG_MAX_VALUES && measure->values[n] != NULL)
    n++;
  return n;
}

static const char *
dim_expr (const FigMeasure *measure,
          FigDim            dim)
{
  const char *expr;

  if (dim == FIG_DIM_NONE)
    return "NULL";
  expr = measure->source->dims[dim];
  g_return_val_if_fail (expr != NULL, "NULL");
  return expr;
}

/* "FROM table alias INDEXED BY index WHERE (conditions)" of one part. */
static void
append_from_where (GString          *sql,
                   const FigMeasure *measure,
                   const FigPart    *part)
{
  g_string_append_printf (sql, " FROM %s %s", measure->source->table, measure->source->alias);
  if (part->index != NULL)
    g_string_append_printf (sql, " INDEXED BY %s", part->index);
  g_string_append_printf (sql, " WHERE (%s)", part->where);
}

/* Binds [:lo, :hi) and the snapshot days. */
static gboolean
bind_range (FigCtx        *ctx,
            sqlite3_stmt  *stmt,
            const char    *lo,
            const char    *hi)
{
  const struct
  {
    const char *name;
    const char *value;
  } params[] = {
    { ":lo", lo },
    { ":hi", hi },
    { ":last", ctx->as_of },
    { ":next", ctx->as_of_next },
  };

  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    {
      int idx = sqlite3_bind_parameter_index (stmt, params[i].name);

      if (idx > 0)
        desk_sql_bind_text_or_null (stmt, idx, params[i].value);
    }
  return TRUE;
}

static gboolean
bind_period (FigCtx        *ctx,
             sqlite3_stmt  *stmt,
             FigPeriod      period)
{
  return bind_range (ctx, stmt, period < FIG_N_PERIODS ? ctx->lo[period] : NULL,
                     period < FIG_N_PERIODS ? ctx->hi[period] : NULL);
}

static void
bind_key (sqlite3_stmt *stmt,
          const char   *name,
          FigDim        dim,
          const char   *key)
{
  int idx = sqlite3_bind_parameter_index (stmt, name);

  if (idx <= 0)
    return;
  if (fig_dim_is_id (dim))
    sqlite3_bind_int64 (stmt, idx, g_ascii_strtoll (key, NULL, 10));
  else
    sqlite3_bind_text (stmt, idx, key, -1, SQLITE_TRANSIENT);
}

static char *
bucket_key (const char *row_key,
            const char *col_key,
            const char *arg)
{
  return g_strdup_printf ("%s\x1f%s\x1f%s", row_key ? row_key : "", col_key ? col_key : "",
                          arg ? arg : "");
}

static FigAgg *
bucket_of_key (GHashTable *agg,
               const char *key)
{
  FigAgg *a = g_hash_table_lookup (agg, key);

  if (a == NULL)
    {
      a = g_new0 (FigAgg, 1);
      g_hash_table_insert (agg, g_strdup (key), a);
    }
  return a;
}

static FigAgg *
bucket (GHashTable *agg,
        const char *row_key,
        const char *col_key,
        const char *arg)
{
  g_autofree char *key = bucket_key (row_key, col_key, arg);

  return bucket_of_key (agg, key);
}

FigAgg
fig_agg_lookup (GHashTable *agg,
                const char *row_key,
                const char *col_key,
                const char *arg)
{
  g_autofree char *key = bucket_key (row_key, col_key, arg);
  FigAgg *a = g_hash_table_lookup (agg, key);
  FigAgg zero = { 0 };

  return a ? *a : zero;
}

/* Measures decided in C (accept()): every record is read once and put in
 * the bucket of each argument that accepts it. */
static gboolean
aggregate_records (FigCtx            *ctx,
                   const FigMeasure  *measure,
                   const char        *lo,
                   const char        *hi,
                   FigDim             row_dim,
                   FigDim             col_dim,
                   GHashTable        *agg,
                   GError           **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  guint nv = n_values (measure);
  sqlite3_stmt *stmt;
  int rc;

  /* Composed from the measure's constant fragments (see the file's top). */
  for (guint p = 0; p < FIG_MAX_PARTS && measure->parts[p].where != NULL; p++)
    {
      if (p > 0)
        g_string_append (sql, " UNION ALL");
      g_string_append_printf (sql, " SELECT %s, %s", dim_expr (measure, row_dim),
                              dim_expr (measure, col_dim));
      for (guint v = 0; v < nv; v++)
        g_string_append_printf (sql, ", %s", measure->values[v]);
      g_string_append_printf (sql, ", %s", measure->extras);
      append_from_where (sql, measure, &measure->parts[p]);
    }

  stmt = desk_store_prepare (ctx->store, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  bind_range (ctx, stmt, lo, hi);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *row_key = desk_sql_dup_text (stmt, 0);
      g_autofree char *col_key = desk_sql_dup_text (stmt, 1);
      int extra = 2 + nv;

      /* The measure's own figure (arg NULL), then each argument's. */
      for (guint a = 0; a == 0 || (measure->args != NULL && measure->args[a - 1] != NULL); a++)
        {
          const char *arg = a == 0 ? NULL : measure->args[a - 1];
          FigAgg *b;

          if (!measure->accept (ctx, stmt, extra, arg))
            continue;
          b = bucket (agg, row_key, col_key, arg);
          b->count++;
          for (guint v = 0; v < nv; v++)
            b->sums[v] += sqlite3_column_int64 (stmt, 2 + v);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return desk_store_set_sql_error (ctx->store, error);
  return TRUE;
}

static gboolean
aggregate_sql (FigCtx            *ctx,
               const FigMeasure  *measure,
               const char        *lo,
               const char        *hi,
               FigDim             row_dim,
               FigDim             col_dim,
               GHashTable        *agg,
               GError           **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT rk, ck, count(*)");
  guint nv = n_values (measure);
  sqlite3_stmt *stmt;
  int rc;

  /* Composed from the measure's constant fragments (see the file's top). */
  for (guint v = 0; v < nv; v++)
    g_string_append_printf (sql, ", coalesce (sum (v%u), 0)", v);
  g_string_append (sql, " FROM (");
  for (guint p = 0; p < FIG_MAX_PARTS && measure->parts[p].where != NULL; p++)
    {
      if (p > 0)
        g_string_append (sql, " UNION ALL");
      g_string_append_printf (sql, " SELECT %s AS rk, %s AS ck", dim_expr (measure, row_dim),
                              dim_expr (measure, col_dim));
      for (guint v = 0; v < nv; v++)
        g_string_append_printf (sql, ", %s AS v%u", measure->values[v], v);
      append_from_where (sql, measure, &measure->parts[p]);
    }
  g_string_append (sql, ") GROUP BY rk, ck");

  stmt = desk_store_prepare (ctx->store, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  bind_range (ctx, stmt, lo, hi);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *row_key = desk_sql_dup_text (stmt, 0);
      g_autofree char *col_key = desk_sql_dup_text (stmt, 1);
      FigAgg *b = bucket (agg, row_key, col_key, NULL);

      b->count += sqlite3_column_int64 (stmt, 2);
      for (guint v = 0; v < nv; v++)
        b->sums[v] += sqlite3_column_int64 (stmt, 3 + v);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return desk_store_set_sql_error (ctx->store, error);
  return TRUE;
}

static GHashTable *
agg_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static gboolean
aggregate_range (FigCtx            *ctx,
                 const FigMeasure  *measure,
                 const char        *lo,
                 const char        *hi,
                 FigDim             row_dim,
                 FigDim             col_dim,
                 GHashTable        *agg,
                 GError           **error)
{
  if (measure->accept != NULL)
    return aggregate_records (ctx, measure, lo, hi, row_dim, col_dim, agg, error);
  return aggregate_sql (ctx, measure, lo, hi, row_dim, col_dim, agg, error);
}

/* The kept months (figure_months, schema 4).
 *
 * A measure whose every part counts the records of [:lo, :hi) and nothing
 * "as of" a day is additive over months: the figures of a period of whole
 * months are the sums of its months' figures, bucket by bucket.  Those
 * months are read from figure_months when kept there, else computed and
 * kept (when this connection may write: a read-only one only computes);
 * the triggers of schema 4 forget a month whenever a write could change
 * it.  The month being reported is always computed and never kept: it is
 * the one being edited, and a report that finds every other month kept
 * then writes nothing (no commit, no wait for the disk); it is kept when
 * a later month's report reads it.  A kept month is named by the measure,
 * its breakdown and a checksum of every SQL fragment it was computed from,
 * so a program whose measures changed never reads figures of the old
 * ones; bump MONTHS_VERSION when what an accept() function decides
 * changes. */
#define MONTHS_VERSION "1"

static gboolean
month_additive (const FigMeasure *measure)
{
  guint p;

  for (p = 0; p < FIG_MAX_PARTS && measure->parts[p].where != NULL; p++)
    {
      const char *where = measure->parts[p].where;

      if (strstr (where, ":lo") == NULL || strstr (where, ":hi") == NULL ||
          strstr (where, ":last") != NULL || strstr (where, ":next") != NULL)
        return FALSE;
    }
  return p > 0;
}

static void
checksum_text (GChecksum  *sum,
               const char *text)
{
  if (text != NULL)
    g_checksum_update (sum, (const guchar *) text, -1);
  g_checksum_update (sum, (const guchar *) "\x1f", 1);
}

static char *
months_key (const FigMeasure *measure,
            FigDim            row_dim,
            FigDim            col_dim)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA1);
  guint nv = n_values (measure);

  checksum_text (sum, MONTHS_VERSION);
  for (guint p = 0; p < FIG_MAX_PARTS && measure->parts[p].where != NULL; p++)
    {
      checksum_text (sum, measure->parts[p].index);
      checksum_text (sum, measure->parts[p].where);
    }
  for (guint v = 0; v < nv; v++)
    checksum_text (sum, measure->values[v]);
  checksum_text (sum, measure->extras);
  checksum_text (sum, measure->source->table);
  checksum_text (sum, dim_expr (measure, row_dim));
  checksum_text (sum, dim_expr (measure, col_dim));
  return g_strdup_printf ("%s/%d/%d/%.16s", measure->name, row_dim, col_dim,
                          g_checksum_get_string (sum));
}

/* Kept as a GVariant a(sxax), little-endian: bucket key, count, sums. */
static GVariant *
agg_to_variant (GHashTable *agg,
                guint       nv)
{
  GVariantBuilder builder;
  GHashTableIter iter;
  gpointer key, value;
  GVariant *variant;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sxax)"));
  g_hash_table_iter_init (&iter, agg);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const FigAgg *a = value;

      g_variant_builder_add (&builder, "(sx@ax)", (const char *) key, a->count,
                             g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, a->sums, nv,
                                                        sizeof (gint64)));
    }
  variant = g_variant_ref_sink (g_variant_builder_end (&builder));
  if (G_BYTE_ORDER == G_BIG_ENDIAN)
    {
      GVariant *swapped = g_variant_byteswap (variant);

      g_variant_unref (variant);
      variant = swapped;
    }
  return variant;
}

static void
agg_add_variant (GHashTable *agg,
                 GVariant   *variant)
{
  GVariantIter iter;
  const char *key;
  gint64 count;
  GVariant *sums;

  g_variant_iter_init (&iter, variant);
  while (g_variant_iter_next (&iter, "(&sx@ax)", &key, &count, &sums))
    {
      gsize n = 0;
      const gint64 *values = g_variant_get_fixed_array (sums, &n, sizeof (gint64));
      FigAgg *a = bucket_of_key (agg, key);

      a->count += count;
      for (gsize v = 0; v < n && v < FIG_MAX_VALUES; v++)
        a->sums[v] += values[v];
      g_variant_unref (sums);
    }
}

/* Reading a kept month straight from its bytes.  GLib's reading of a
 * GVariant costs some thousands of instructions a bucket, and a report
 * reads a few thousand buckets (a year of months for each figure); the
 * bytes of a(sxax) in GVariant's normal form are simple enough to read
 * directly.  Every offset is checked; bytes not in that exact form are
 * left to GVariant (agg_add_variant()), which reads what it can. */

typedef struct
{
  const char   *key;
  gint64        count;
  const guchar *sums;     /* n_sums little-endian gint64, unaligned */
  gsize         n_sums;
} KeptBucket;

#define ALIGN8(n) (((n) + 7) & ~(gsize) 7)

/* GVariant's framing offsets: as wide as the container needs. */
static gsize
offset_size (gsize container)
{
  if (container > G_MAXUINT32)
    return 8;
  if (container > G_MAXUINT16)
    return 4;
  if (container > G_MAXUINT8)
    return 2;
  return container > 0 ? 1 : 0;
}

static gsize
read_offset (const guchar *p,
             gsize         width)
{
  gsize value = 0;

  for (gsize i = width; i > 0; i--)
    value = (value << 8) | p[i - 1];
  return value;
}

static gint64
read_int64 (const guchar *p)
{
  gint64 value;

  memcpy (&value, p, sizeof value);
  return GINT64_FROM_LE (value);
}

/* One (sxax): the string, its framing offset at the end, the count at the
 * next multiple of 8, then the sums up to the framing offset. */
static gboolean
read_bucket (const guchar *p,
             gsize         size,
             KeptBucket   *bucket)
{
  gsize width = offset_size (size);
  gsize key_end, count_at, sums_end;

  if (size < width + 1)
    return FALSE;
  sums_end = size - width;
  key_end = read_offset (p + sums_end, width);
  if (key_end == 0 || key_end > sums_end || p[key_end - 1] != '\0' ||
      memchr (p, '\0', key_end - 1) != NULL ||
      !g_utf8_validate ((const char *) p, key_end - 1, NULL))
    return FALSE;
  count_at = ALIGN8 (key_end);
  if (count_at + 8 > sums_end || (sums_end - count_at - 8) % 8 != 0)
    return FALSE;
  for (gsize i = key_end; i < count_at; i++)
    if (p[i] != 0)
      return FALSE;
  bucket->key = (const char *) p;
  bucket->count = read_int64 (p + count_at);
  bucket->sums = p + count_at + 8;
  bucket->n_sums = (sums_end - count_at - 8) / 8;
  return TRUE;
}

/* Adds the buckets of @data to @agg; FALSE, adding nothing, when @data is
 * not a(sxax) in normal form. */
static gboolean
agg_add_serialised (GHashTable   *agg,
                    const guchar *data,
                    gsize         size)
{
  g_autoptr(GArray) buckets = g_array_new (FALSE, FALSE, sizeof (KeptBucket));
  gsize width = offset_size (size);
  gsize table, start = 0;

  if (size > 0)
    {
      if (size < width)
        return FALSE;
      /* The last framing offset ends the last bucket and starts the table. */
      table = read_offset (data + size - width, width);
      if (table > size - width || (size - table) % width != 0)
        return FALSE;
      for (gsize i = 0; i < (size - table) / width; i++)
        {
          gsize end = read_offset (data + table + i * width, width);
          KeptBucket bucket;

          if (end < start || end > table || !read_bucket (data + start, end - start, &bucket))
            return FALSE;
          g_array_append_val (buckets, bucket);
          if (i + 1 < (size - table) / width)
            {
              gsize next = ALIGN8 (end);

              for (gsize k = end; k < next && k < table; k++)
                if (data[k] != 0)
                  return FALSE;
              start = next;
            }
          else if (end != table)
            return FALSE;
        }
      if (buckets->len == 0)
        return FALSE;
    }

  for (guint i = 0; i < buckets->len; i++)
    {
      const KeptBucket *b = &g_array_index (buckets, KeptBucket, i);
      FigAgg *a = bucket_of_key (agg, b->key);

      a->count += b->count;
      for (gsize v = 0; v < b->n_sums && v < FIG_MAX_VALUES; v++)
        a->sums[v] += read_int64 (b->sums + 8 * v);
    }
  return TRUE;
}

static void
agg_merge (GHashTable *into,
           GHashTable *from)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const FigAgg *a = value;
      FigAgg *b = bucket_of_key (into, key);

      b->count += a->count;
      for (guint v = 0; v < FIG_MAX_VALUES; v++)
        b->sums[v] += a->sums[v];
    }
}

/* Adds the kept figures of @month to @agg; FALSE when it is not kept. */
static gboolean
month_load (FigCtx     *ctx,
            const char *month,
            const char *key,
            GHashTable *agg)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = desk_store_prepare (ctx->store, "SELECT buckets FROM figure_months"
                             " WHERE month = ?1 AND aggregate = ?2", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, month, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      const guchar *data = sqlite3_column_blob (stmt, 0);
      gsize size = sqlite3_column_bytes (stmt, 0);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GVariant) variant = NULL;

      if (agg_add_serialised (agg, data, size))
        {
          sqlite3_reset (stmt);
          return TRUE;
        }
      /* Not trusted: a damaged blob reads as fewer buckets, never a crash. */
      bytes = g_bytes_new (data, size);
      variant = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE ("a(sxax)"),
                                                              bytes, FALSE));
      if (G_BYTE_ORDER == G_BIG_ENDIAN)
        {
          GVariant *swapped = g_variant_byteswap (variant);

          g_variant_unref (variant);
          variant = swapped;
        }
      agg_add_variant (agg, variant);
      found = TRUE;
    }
  sqlite3_reset (stmt);
  return found;
}

/* Keeps @agg as the figures of @month, if this connection may write; a
 * failure only means the month is computed again next time.  After one
 * (another connection writing, a snapshot older than the last commit) the
 * computation stops trying, rather than wait for the lock at every month. */
static void
month_store (FigCtx           *ctx,
             const char       *month,
             const char       *key,
             GHashTable       *agg,
             const FigMeasure *measure)
{
  g_autoptr(GVariant) variant = NULL;
  sqlite3_stmt *stmt;
  gconstpointer data;
  gsize size;

  if (ctx->keep_failed || sqlite3_db_readonly (desk_store_get_db (ctx->store), "main") != 0)
    return;
  stmt = desk_store_prepare (ctx->store, "INSERT OR REPLACE INTO figure_months"
                             " (month, aggregate, buckets) VALUES (?1, ?2, ?3)", NULL);
  if (stmt == NULL)
    return;
  variant = agg_to_variant (agg, n_values (measure));
  data = g_variant_get_data (variant);
  size = g_variant_get_size (variant);
  sqlite3_bind_text (stmt, 1, month, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 3, data != NULL ? data : "", (int) size, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_debug ("figures of %s not kept: %s", month,
               sqlite3_errmsg (desk_store_get_db (ctx->store)));
      ctx->keep_failed = TRUE;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* A period of whole months as the sum of its months. */
static gboolean
aggregate_months (FigCtx            *ctx,
                  const FigMeasure  *measure,
                  FigPeriod          period,
                  FigDim             row_dim,
                  FigDim             col_dim,
                  GHashTable        *agg,
                  GError           **error)
{
  g_autofree char *key = months_key (measure, row_dim, col_dim);
  g_autofree char *reported = g_strdup_printf ("%04d-%02d", ctx->year, ctx->month);
  int year = (int) g_ascii_strtoll (ctx->lo[period], NULL, 10);
  int month = (int) g_ascii_strtoll (ctx->lo[period] + 5, NULL, 10);

  for (;;)
    {
      g_autofree char *name = g_strdup_printf ("%04d-%02d", year, month);
      g_autofree char *lo = month_first (year, month);
      g_autofree char *hi = next_month_first (year, month);
      g_autoptr(GHashTable) one = NULL;

      if (strcmp (lo, ctx->hi[period]) >= 0)
        break;
      if (month == 12)
        year++, month = 1;
      else
        month++;
      if (g_str_equal (name, reported))
        {
          /* The same query as the month's own column: computed once. */
          GHashTable *own = fig_aggregate (ctx, measure, FIG_PERIOD_MONTH, row_dim, col_dim,
                                           error);

          if (own == NULL)
            return FALSE;
          agg_merge (agg, own);
          continue;
        }
      if (month_load (ctx, name, key, agg))
        continue;
      one = agg_new ();
      if (!aggregate_range (ctx, measure, lo, hi, row_dim, col_dim, one, error))
        return FALSE;
      month_store (ctx, name, key, one, measure);
      agg_merge (agg, one);
    }
  return TRUE;
}

/* The reported month goes through the cache like any other: the triggers
 * clear a month whenever a record counted in it changes, so a cached month
 * is exact, and exporting a month again costs what reading it costs. */
static gboolean
aggregate_reported_month (FigCtx            *ctx,
                          const FigMeasure  *measure,
                          FigDim             row_dim,
                          FigDim             col_dim,
                          GHashTable        *agg,
                          GError           **error)
{
  g_autofree char *key = months_key (measure, row_dim, col_dim);
  g_autofree char *name = g_strdup_printf ("%04d-%02d", ctx->year, ctx->month);

  if (month_load (ctx, name, key, agg))
    return TRUE;
  if (!aggregate_range (ctx, measure, ctx->lo[FIG_PERIOD_MONTH], ctx->hi[FIG_PERIOD_MONTH],
                        row_dim, col_dim, agg, error))
    return FALSE;
  month_store (ctx, name, key, agg, measure);
  return TRUE;
}

/* Figures as of a day (期末未结, 期末待转交, the registers) are never kept,
 * and each sheet breaks them down another way: the cases open on the last
 * day by committee for one sheet, by dispute type for the next.  Rather
 * than read those records once per breakdown, they are read once, with the
 * key of every breakdown their source has, and added up here into groups
 * (a few hundred at most: SQLite's GROUP BY would sort thousands of rows
 * for them); each breakdown asked for is then summed from the groups.
 * Counts and sums add up, so the figures are those a query of their own
 * would give. */
static gboolean
aggregate_snapshot_groups (FigCtx            *ctx,
                           const FigMeasure  *measure,
                           GHashTable        *groups,
                           GError           **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) key = g_string_new (NULL);
  guint nv = n_values (measure);
  guint nd = 0;
  sqlite3_stmt *stmt;
  int rc;

  for (FigDim d = FIG_DIM_NONE + 1; d < FIG_N_DIMS; d++)
    if (measure->source->dims[d] != NULL)
      nd++;

  /* Composed from the measure's constant fragments (see the file's top);
   * the breakdowns are those of the source, in FigDim order. */
  for (guint p = 0; p < FIG_MAX_PARTS && measure->parts[p].where != NULL; p++)
    {
      g_string_append (sql, p > 0 ? " UNION ALL SELECT NULL" : " SELECT NULL");
      for (FigDim d = FIG_DIM_NONE + 1; d < FIG_N_DIMS; d++)
        if (measure->source->dims[d] != NULL)
          g_string_append_printf (sql, ", %s", measure->source->dims[d]);
      for (guint v = 0; v < nv; v++)
        g_string_append_printf (sql, ", %s", measure->values[v]);
      append_from_where (sql, measure, &measure->parts[p]);
    }

  stmt = desk_store_prepare (ctx->store, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  bind_period (ctx, stmt, FIG_PERIOD_SNAPSHOT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FigAgg *b;

      /* The record's breakdown keys, NULL as "" (as in bucket_key()). */
      g_string_truncate (key, 0);
      for (guint i = 0; i < nd; i++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, 1 + i);

          if (i > 0)
            g_string_append_c (key, '\x1f');
          g_string_append (key, value != NULL ? value : "");
        }
      b = bucket_of_key (groups, key->str);
      b->count++;
      for (guint v = 0; v < nv; v++)
        b->sums[v] += sqlite3_column_int64 (stmt, 1 + nd + v);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return desk_store_set_sql_error (ctx->store, error);
  return TRUE;
}

/* The group key's part for @dim (its place among the source's breakdowns). */
static char *
group_key_part (const FigMeasure  *measure,
                const char        *group,
                FigDim             dim)
{
  g_auto(GStrv) parts = NULL;
  guint i = 0;

  if (dim == FIG_DIM_NONE)
    return NULL;
  for (FigDim d = FIG_DIM_NONE + 1; d < dim; d++)
    if (measure->source->dims[d] != NULL)
      i++;
  parts = g_strsplit (group, "\x1f", -1);
  return g_strdup (i < g_strv_length (parts) ? parts[i] : "");
}

static gboolean
aggregate_snapshot (FigCtx            *ctx,
                    const FigMeasure  *measure,
                    FigDim             row_dim,
                    FigDim             col_dim,
                    GHashTable        *agg,
                    GError           **error)
{
  g_autofree char *key = g_strdup_printf ("%s/groups", measure->name);
  GHashTable *groups = g_hash_table_lookup (ctx->aggs, key);
  GHashTableIter iter;
  gpointer group, value;

  if (groups == NULL)
    {
      g_autoptr(GHashTable) read = agg_new ();

      if (!aggregate_snapshot_groups (ctx, measure, read, error))
        return FALSE;
      groups = read;
      g_hash_table_insert (ctx->aggs, g_steal_pointer (&key), g_steal_pointer (&read));
    }

  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, &group, &value))
    {
      const FigAgg *a = value;
      g_autofree char *row_key = group_key_part (measure, group, row_dim);
      g_autofree char *col_key = group_key_part (measure, group, col_dim);
      FigAgg *b = bucket (agg, row_key, col_key, NULL);

      b->count += a->count;
      for (guint v = 0; v < FIG_MAX_VALUES; v++)
        b->sums[v] += a->sums[v];
    }
  return TRUE;
}

/* Whether a breakdown of @measure can be summed from its groups. */
static gboolean
snapshot_groups_serve (const FigMeasure *measure,
                       FigDim            row_dim,
                       FigDim            col_dim)
{
  return measure->accept == NULL &&
         (row_dim == FIG_DIM_NONE || measure->source->dims[row_dim] != NULL) &&
         (col_dim == FIG_DIM_NONE || measure->source->dims[col_dim] != NULL);
}

GHashTable *
fig_aggregate (FigCtx            *ctx,
               const FigMeasure  *measure,
               FigPeriod          period,
               FigDim             row_dim,
               FigDim             col_dim,
               GError           **error)
{
  g_autofree char *key = g_strdup_printf ("%s/%d/%d/%d", measure->name, period, row_dim, col_dim);
  g_autoptr(GHashTable) agg = NULL;
  GHashTable *cached;
  gboolean ok;

  cached = g_hash_table_lookup (ctx->aggs, key);
  if (cached != NULL)
    return cached;

  agg = agg_new ();
  if (period == FIG_PERIOD_MONTH && month_additive (measure))
    ok = aggregate_reported_month (ctx, measure, row_dim, col_dim, agg, error);
  else if (period != FIG_PERIOD_MONTH && period < FIG_N_PERIODS && ctx->lo[period] != NULL &&
           month_additive (measure))
    ok = aggregate_months (ctx, measure, period, row_dim, col_dim, agg, error);
  else if (period == FIG_PERIOD_SNAPSHOT && snapshot_groups_serve (measure, row_dim, col_dim))
    ok = aggregate_snapshot (ctx, measure, row_dim, col_dim, agg, error);
  else
    ok = aggregate_range (ctx, measure, period < FIG_N_PERIODS ? ctx->lo[period] : NULL,
                          period < FIG_N_PERIODS ? ctx->hi[period] : NULL,
                          row_dim, col_dim, agg, error);
  if (!ok)
    return NULL;
  cached = agg;
  g_hash_table_insert (ctx->aggs, g_steal_pointer (&key), g_steal_pointer (&agg));
  return cached;
}

void
fig_record_free (FigRecord *record)
{
  if (record == NULL)
    return;
  desk_record_ref_free (record->ref);
  g_free (record);
}

gboolean
fig_explain_measure (FigCtx            *ctx,
                     const FigMeasure  *measure,
                     FigPeriod          period,
                     FigDim             row_dim,
                     const char        *row_key,
                     FigDim             col_dim,
                     const char        *col_key,
                     const char        *arg,
                     GPtrArray         *records,
                     GError           **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  const FigSource *source = measure->source;
  guint nv = n_values (measure);
  sqlite3_stmt *stmt;
  int rc;

  /* Composed from the measure's constant fragments (see the file's top):
   * the same parts and conditions as the GROUP BY of fig_aggregate(). */
  for (guint p = 0; p < FIG_MAX_PARTS && measure->parts[p].where != NULL; p++)
    {
      if (p > 0)
        g_string_append (sql, " UNION ALL");
      g_string_append_printf (sql, " SELECT %s, %s, %s", source->id, source->number,
                              measure->date);
      for (guint v = 0; v < nv; v++)
        g_string_append_printf (sql, ", %s", measure->values[v]);
      g_string_append_printf (sql, ", %s", source->describe);
      if (measure->extras != NULL)
        g_string_append_printf (sql, ", %s", measure->extras);
      append_from_where (sql, measure, &measure->parts[p]);
      if (row_dim != FIG_DIM_NONE && row_key != NULL)
        g_string_append_printf (sql, " AND %s = :rk", dim_expr (measure, row_dim));
      if (col_dim != FIG_DIM_NONE && col_key != NULL)
        g_string_append_printf (sql, " AND %s = :ck", dim_expr (measure, col_dim));
    }

  stmt = desk_store_prepare (ctx->store, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  bind_period (ctx, stmt, period);
  if (row_key != NULL)
    bind_key (stmt, ":rk", row_dim, row_key);
  if (col_key != NULL)
    bind_key (stmt, ":ck", col_dim, col_key);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int describe_col = 3 + nv;
      FigRecord *record;

      /* The extras follow the description's columns. */
      if (measure->accept != NULL &&
          !measure->accept (ctx, stmt, describe_col + source->n_describe, arg))
        continue;

      record = g_new0 (FigRecord, 1);
      record->ref = g_new0 (DeskRecordRef, 1);
      record->ref->kind = g_strdup (source->kind);
      record->ref->id = sqlite3_column_int64 (stmt, 0);
      record->ref->number = desk_sql_dup_text (stmt, 1);
      record->ref->date = desk_sql_dup_text (stmt, 2);
      record->ref->description = source->describe_fn (stmt, describe_col);
      for (guint v = 0; v < nv; v++)
        record->values[v] = sqlite3_column_int64 (stmt, 3 + v);
      g_ptr_array_add (records, record);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return desk_store_set_sql_error (ctx->store, error);
  return TRUE;
}

static int
compare_records (gconstpointer a,
                 gconstpointer b)
{
  const FigRecord *ra = *(FigRecord **) a;
  const FigRecord *rb = *(FigRecord **) b;
  int c = g_strcmp0 (ra->ref->date, rb->ref->date);

  if (c != 0)
    return c;
  c = g_strcmp0 (ra->ref->kind, rb->ref->kind);
  if (c != 0)
    return c;
  return ra->ref->id < rb->ref->id ? -1 : ra->ref->id > rb->ref->id;
}

/* In the order of the dates they count by. */
void
fig_records_sort (GPtrArray *records)
{
  g_ptr_array_sort (records, compare_records);
}
