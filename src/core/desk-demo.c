/* desk-demo.c — demonstration data: the calendar, the code look-ups and the
 * one transaction that writes a whole township.
 *
 * The records are written with cached INSERT statements rather than the
 * record modules' create functions: a million records must load in seconds,
 * and every row is made to satisfy the schema's CHECKs and foreign keys by
 * construction (the schema still checks each one).  The file is new and
 * empty, so durability is relaxed during the load and restored after it.
 */
#define G_LOG_DOMAIN "desk-demo"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <glib/gi18n-lib.h>

#include "desk-codes.h"
#include "desk-date.h"
#include "desk-demo-private.h"
#include "desk-search.h"

/* Calendar arithmetic (days from civil, H. Hinnant's algorithms). */

DemoDay
demo_day_from_ymd (int year,
                   int month,
                   int day)
{
  int y = year - (month <= 2);
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

void
demo_day_to_ymd (DemoDay  day,
                 int     *year,
                 int     *month,
                 int     *mday)
{
  int z = day + 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  int m = mp + (mp < 10 ? 3 : -9);

  *mday = doy - (153 * mp + 2) / 5 + 1;
  *month = m;
  *year = yoe + era * 400 + (m <= 2);
}

int
demo_year_of (DemoDay day)
{
  int y, m, d;

  demo_day_to_ymd (day, &y, &m, &d);
  return y;
}

static inline char *
put_digits (char *p,
            int   value,
            int   width)
{
  for (int i = width - 1; i >= 0; i--)
    {
      p[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  return p + width;
}

void
demo_format_date (DemoDay day,
                  char    out[11])
{
  int y, m, d;
  char *p = out;

  demo_day_to_ymd (day, &y, &m, &d);
  p = put_digits (p, y, 4);
  *p++ = '-';
  p = put_digits (p, m, 2);
  *p++ = '-';
  p = put_digits (p, d, 2);
  *p = '\0';
}

void
demo_format_datetime (DemoDay day,
                      int     minute,
                      char    out[17])
{
  demo_format_date (day, out);
  out[10] = ' ';
  put_digits (out + 11, minute / 60, 2);
  out[13] = ':';
  put_digits (out + 14, minute % 60, 2);
  out[16] = '\0';
}

void
demo_format_stamp (DemoDay day,
                   int     second,
                   char    out[20])
{
  demo_format_datetime (day, second / 60, out);
  out[16] = ':';
  put_digits (out + 17, second % 60, 2);
  out[19] = '\0';
}

int
demo_pick (DemoRng       *rng,
           const guint16 *weights,
           int            n)
{
  guint32 total = 0, r;

  for (int i = 0; i < n; i++)
    total += weights[i];
  r = demo_below (rng, total);
  for (int i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  return n - 1;
}

/* The public-holiday arrangements of the State Council for the years we
 * know; other years get the fixed-date holidays and a seven-day Spring
 * Festival from the lunar new year, without make-up days.  Only the
 * exceptions to Monday–Friday are stored. */
typedef struct
{
  int         year;
  const char *note;
  const char *from, *to;      /* MM-DD, inclusive */
  const char *workdays;       /* make-up working days, "MM-DD MM-DD" */
} HolidaySpan;

static const HolidaySpan holiday_spans[] = {
  { 2019, "元旦", "01-01", "01-01", NULL },
  { 2019, "春节", "02-04", "02-10", "02-02 02-03" },
  { 2019, "清明节", "04-05", "04-07", NULL },
  { 2019, "劳动节", "05-01", "05-04", "04-28 05-05" },
  { 2019, "端午节", "06-07", "06-09", NULL },
  { 2019, "中秋节", "09-13", "09-15", NULL },
  { 2019, "国庆节", "10-01", "10-07", "09-29 10-12" },
  { 2020, "元旦", "01-01", "01-01", NULL },
  { 2020, "春节", "01-24", "02-02", "01-19" },
  { 2020, "清明节", "04-04", "04-06", NULL },
  { 2020, "劳动节", "05-01", "05-05", "04-26 05-09" },
  { 2020, "端午节", "06-25", "06-27", "06-28" },
  { 2020, "国庆节、中秋节", "10-01", "10-08", "09-27 10-10" },
  { 2021, "元旦", "01-01", "01-03", NULL },
  { 2021, "春节", "02-11", "02-17", "02-07 02-20" },
  { 2021, "清明节", "04-03", "04-05", NULL },
  { 2021, "劳动节", "05-01", "05-05", "04-25 05-08" },
  { 2021, "端午节", "06-12", "06-14", NULL },
  { 2021, "中秋节", "09-19", "09-21", "09-18" },
  { 2021, "国庆节", "10-01", "10-07", "09-26 10-09" },
  { 2022, "元旦", "01-01", "01-03", NULL },
  { 2022, "春节", "01-31", "02-06", "01-29 01-30" },
  { 2022, "清明节", "04-03", "04-05", "04-02" },
  { 2022, "劳动节", "04-30", "05-04", "04-24 05-07" },
  { 2022, "端午节", "06-03", "06-05", NULL },
  { 2022, "中秋节", "09-10", "09-12", NULL },
  { 2022, "国庆节", "10-01", "10-07", "10-08 10-09" },
  { 2023, "元旦", "01-01", "01-02", NULL },
  { 2023, "春节", "01-21", "01-27", "01-28 01-29" },
  { 2023, "清明节", "04-05", "04-05", NULL },
  { 2023, "劳动节", "04-29", "05-03", "04-23 05-06" },
  { 2023, "端午节", "06-22", "06-24", "06-25" },
  { 2023, "中秋节、国庆节", "09-29", "10-06", "10-07 10-08" },
  { 2024, "元旦", "01-01", "01-01", NULL },
  { 2024, "春节", "02-10", "02-17", "02-04 02-18" },
  { 2024, "清明节", "04-04", "04-06", "04-07" },
  { 2024, "劳动节", "05-01", "05-05", "04-28 05-11" },
  { 2024, "端午节", "06-10", "06-10", NULL },
  { 2024, "中秋节", "09-15", "09-17", "09-14" },
  { 2024, "国庆节", "10-01", "10-07", "09-29 10-12" },
  { 2025, "元旦", "01-01", "01-01", NULL },
  { 2025, "春节", "01-28", "02-04", "01-26 02-08" },
  { 2025, "清明节", "04-04", "04-06", NULL },
  { 2025, "劳动节", "05-01", "05-05", "04-27" },
  { 2025, "端午节", "05-31", "06-02", NULL },
  { 2025, "国庆节、中秋节", "10-01", "10-08", "09-28 10-11" },
  { 2026, "元旦", "01-01", "01-03", "01-04" },
  { 2026, "春节", "02-15", "02-23", "02-14 02-28" },
  { 2026, "清明节", "04-04", "04-06", NULL },
  { 2026, "劳动节", "05-01", "05-05", "05-09" },
  { 2026, "端午节", "06-19", "06-21", NULL },
  { 2026, "中秋节", "09-25", "09-27", NULL },
  { 2026, "国庆节", "10-01", "10-07", "09-20 10-10" },
};

/* Lunar new year's day, for the years without an arrangement above. */
static const char *const lunar_new_year[] = {
  "2015-02-19", "2016-02-08", "2017-01-28", "2018-02-16", "2027-02-06",
  "2028-01-26", "2029-02-13", "2030-02-03", "2031-01-23", "2032-02-11",
  "2033-01-31", "2034-02-19", "2035-02-08",
};

static DemoDay
day_of_md (int         year,
           const char *md)
{
  return demo_day_from_ymd (year, atoi (md), atoi (md + 3));
}

static gboolean
year_is_known (int year)
{
  return year >= holiday_spans[0].year &&
         year <= holiday_spans[G_N_ELEMENTS (holiday_spans) - 1].year;
}

/* Calls @mark for every exception to Monday–Friday of @year. */
static gboolean
holidays_of_year (int        year,
                  gboolean (*mark) (gpointer, DemoDay, gboolean, const char *, GError **),
                  gpointer   data,
                  GError   **error)
{
  HolidaySpan fallback[4] = {
    { year, "元旦", "01-01", "01-01", NULL },
    { year, "劳动节", "05-01", "05-03", NULL },
    { year, "国庆节", "10-01", "10-07", NULL },
    { year, "春节", NULL, NULL, NULL },
  };
  const HolidaySpan *spans = holiday_spans;
  guint n = G_N_ELEMENTS (holiday_spans);
  DemoDay spring = 0;

  if (!year_is_known (year))
    {
      for (guint i = 0; i < G_N_ELEMENTS (lunar_new_year); i++)
        if (atoi (lunar_new_year[i]) == year)
          spring = day_of_md (year, lunar_new_year[i] + 5);
      spans = fallback;
      n = spring ? 4 : 3;
    }
  for (guint i = 0; i < n; i++)
    {
      DemoDay from, to;

      if (spans[i].year != year)
        continue;
      from = spans[i].from ? day_of_md (year, spans[i].from) : spring - 1;
      to = spans[i].to ? day_of_md (year, spans[i].to) : spring + 5;
      for (DemoDay d = from; d <= to; d++)
        if ((d % 7 + 10) % 7 < 5 && !mark (data, d, FALSE, spans[i].note, error))
          return FALSE;
      if (spans[i].workdays != NULL)
        {
          g_autofree char *note = g_strconcat (spans[i].note, "调休上班", NULL);

          for (const char *p = spans[i].workdays; *p; p += p[5] ? 6 : 5)
            if (!mark (data, day_of_md (year, p), TRUE, note, error))
              return FALSE;
        }
    }
  return TRUE;
}

static gboolean
mark_working (gpointer     data,
              DemoDay      day,
              gboolean     workday,
              const char  *note,
              GError     **error)
{
  DemoGen *gen = data;

  if (day >= gen->cal_base && day < gen->cal_base + gen->cal_len)
    gen->working[day - gen->cal_base] = workday;
  return TRUE;
}

static gboolean
insert_holiday (gpointer     data,
                DemoDay      day,
                gboolean     workday,
                const char  *note,
                GError     **error)
{
  DemoGen *gen = data;
  sqlite3_stmt *stmt;
  char date[11];

  stmt = desk_store_prepare (gen->store,
                             "INSERT INTO holidays (date, workday, note) VALUES (?1, ?2, ?3)"
                             " ON CONFLICT (date) DO UPDATE SET workday = excluded.workday,"
                             " note = excluded.note", error);
  if (stmt == NULL)
    return FALSE;
  demo_format_date (day, date);
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, workday);
  sqlite3_bind_text (stmt, 3, note, -1, SQLITE_TRANSIENT);
  return desk_store_step_done (gen->store, stmt, error);
}

static gboolean
calendar_create (DemoGen  *gen,
                 GError  **error)
{
  int last_year = demo_year_of (gen->today);

  gen->cal_base = gen->first - 800;
  gen->cal_len = gen->today - gen->cal_base + 800;
  gen->working = g_new (guint8, gen->cal_len);
  for (int i = 0; i < gen->cal_len; i++)
    gen->working[i] = ((gen->cal_base + i) % 7 + 10) % 7 < 5;
  for (int y = demo_year_of (gen->cal_base); y <= demo_year_of (gen->cal_base + gen->cal_len); y++)
    holidays_of_year (y, mark_working, gen, NULL);
  /* The calendar a station keeps: the years its records cover. */
  for (int y = gen->first_year; y <= last_year; y++)
    if (!holidays_of_year (y, insert_holiday, gen, error))
      return FALSE;
  return TRUE;
}

gboolean
demo_is_working (DemoGen *gen,
                 DemoDay  day)
{
  if (day < gen->cal_base || day >= gen->cal_base + gen->cal_len)
    return (day % 7 + 10) % 7 < 5;
  return gen->working[day - gen->cal_base];
}

/* The @n-th working day after @day (@day itself for 0). */
DemoDay
demo_add_working_days (DemoGen *gen,
                       DemoDay  day,
                       int      n)
{
  while (n > 0)
    {
      day++;
      if (demo_is_working (gen, day))
        n--;
    }
  return day;
}

DemoDay
demo_clamp_today (DemoGen *gen,
                  DemoDay  day)
{
  return MIN (day, gen->today);
}

void
demo_count_record (DemoGen *gen)
{
  gen->done++;
  if (gen->progress != NULL && gen->done >= gen->next_report)
    {
      gen->progress (gen->done, gen->total, gen->progress_data);
      gen->next_report += MAX (gen->total / 100, 1000);
    }
}

/* The statements written for every record, prepared once: looking them up
 * in the store's cache by their text costs more than running some. */
sqlite3_stmt *
demo_prepare (DemoGen     *gen,
              DemoStmt     slot,
              const char  *sql,
              GError     **error)
{
  sqlite3_stmt *stmt = gen->stmts[slot];

  if (stmt == NULL)
    return gen->stmts[slot] = desk_store_prepare (gen->store, sql, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return stmt;
}

gboolean
demo_step (DemoGen       *gen,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  return desk_store_step_done (gen->store, stmt, error);
}

/* Looks up domain.md's labels, in order, so the records can use indices. */
static gboolean
codes_lookup (DemoGen  *gen,
              GError  **error)
{
  static const struct
  {
    const char *kind;
    gsize       offset;
    guint       n;
    const char *labels;
  } lists[] = {
#define L(field, kind, labels) \
  { kind, G_STRUCT_OFFSET (DemoCodes, field), G_N_ELEMENTS (((DemoCodes *) 0)->field), labels }
    L (channel, DESK_CODE_CHANNEL, "来访|来电|12348热线|来信|网络|上门服务"),
    L (category, DESK_CODE_CONSULT_CATEGORY,
       "婚姻家庭|继承|赡养抚养|邻里关系|房屋宅基地|土地承包流转|征地拆迁|劳动报酬|其他劳动争议|"
       "工伤|合同纠纷|债权债务|人身损害赔偿|交通事故|医疗纠纷|消费维权|物业纠纷|社会保障|"
       "行政事项|刑事|其他"),
    L (result, DESK_CODE_CONSULT_RESULT,
       "当场解答|约期答复|代写文书|引导人民调解|指导申请法律援助|转介律师|转介公证|转介司法鉴定|"
       "引导仲裁|引导诉讼|转信访部门|转其他部门|其他"),
    L (source, DESK_CODE_CASE_SOURCE,
       "当事人申请|调委会主动调解|法院委托移送|检察院委托移送|公安机关委托移送|信访部门委托移送|"
       "其他部门委托移送"),
    L (dispute, DESK_CODE_DISPUTE_TYPE,
       "婚姻家庭纠纷|邻里纠纷|房屋宅基地纠纷|合同纠纷|生产经营纠纷|损害赔偿纠纷|山林土地纠纷|"
       "征地拆迁纠纷|环境污染纠纷|拖欠农民工工资纠纷|其他劳动争议纠纷|旅游纠纷|电子商务纠纷|"
       "其他消费纠纷|医疗纠纷|道路交通事故纠纷|物业纠纷|其他纠纷"),
    L (difficulty, DESK_CODE_DIFFICULTY, "简单|一般|重大|疑难"),
    L (risk, DESK_CODE_RISK,
       "正常|可能引起自杀|可能转化为刑事案件|可能引起群体性上访|可能引起群体性械斗|其他"),
    L (performance, DESK_CODE_PERFORMANCE, "未履行|部分履行|已履行"),
    L (visit_mode, DESK_CODE_VISIT_MODE, "电话|上门"),
    L (satisfaction, DESK_CODE_SATISFACTION, "满意|基本满意|不满意"),
    L (matter_type, DESK_CODE_AID_MATTER_TYPE, "民事|行政|刑事|国家赔偿"),
    L (matter, DESK_CODE_AID_MATTER,
       "请求国家赔偿|请求给予社会保险待遇或者社会救助|请求发给抚恤金|"
       "请求给付赡养费、抚养费、扶养费|请求确认劳动关系或者支付劳动报酬|"
       "请求认定无民事行为能力或者限制民事行为能力|请求工伤事故人身损害赔偿|"
       "请求交通事故人身损害赔偿|请求食品药品安全事故人身损害赔偿|请求医疗事故人身损害赔偿|"
       "请求环境污染、生态破坏损害赔偿|英雄烈士近亲属维护英烈权益|见义勇为|"
       "遭受虐待、遗弃或者家庭暴力|刑事案件犯罪嫌疑人、被告人|刑事案件被害人、自诉人|其他"),
    L (hardship, DESK_CODE_HARDSHIP, "最低生活保障|特困供养|低收入家庭|免予核查|个人诚信承诺|其他"),
    L (forward_mode, DESK_CODE_FORWARD_MODE, "当面|邮寄|系统流转"),
    L (committee_type, DESK_CODE_COMMITTEE_TYPE,
       "村调委会|居(社区)调委会|乡镇调委会|街道调委会|企事业单位调委会|行业性专业性调委会"),
    L (practice_type, DESK_CODE_PRACTICE_TYPE, "律师|基层法律服务工作者|其他"),
    L (service_mode, DESK_CODE_SERVICE_MODE, "实地|远程|预约"),
#undef L
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_auto(GStrv) labels = g_strsplit (lists[i].labels, "|", -1);
      gint64 *ids = G_STRUCT_MEMBER_P (&gen->codes, lists[i].offset);

      g_assert (g_strv_length (labels) == lists[i].n);
      for (guint j = 0; j < lists[i].n; j++)
        {
          ids[j] = desk_codes_lookup (gen->store, lists[i].kind, labels[j], error);
          if (ids[j] <= 0)
            return FALSE;
        }
    }
  return TRUE;
}

/* Numbering continues after the demonstration's last numbers. */
static gboolean
sequences_write (DemoGen  *gen,
                 GError  **error)
{
  sqlite3_stmt *stmt;

  stmt = desk_store_prepare (gen->store,
                             "INSERT INTO sequences (scope, year, last) VALUES (?1, ?2, ?3)"
                             " ON CONFLICT (scope, year) DO UPDATE SET last = max (last, ?3)",
                             error);
  if (stmt == NULL)
    return FALSE;
  for (int y = 0; y < gen->n_years; y++)
    {
      for (guint c = 0; c < gen->committees->len + 2; c++)
        {
          g_autofree char *scope = NULL;
          int last;

          if (c == 0)
            scope = g_strdup ("consultation"), last = gen->consult_seq[y];
          else if (c == 1)
            scope = g_strdup ("legal_aid"), last = gen->aid_seq[y];
          else
            {
              DemoCommittee *k = &g_array_index (gen->committees, DemoCommittee, c - 2);

              scope = g_strdup_printf ("case:%" G_GINT64_FORMAT, k->id);
              last = gen->case_seq[(c - 2) * gen->n_years + y];
            }
          if (last == 0)
            continue;
          sqlite3_reset (stmt);
          sqlite3_clear_bindings (stmt);
          sqlite3_bind_text (stmt, 1, scope, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (stmt, 2, gen->first_year + y);
          sqlite3_bind_int (stmt, 3, last);
          if (!desk_store_step_done (gen->store, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
ledger_is_empty (DeskStore   *store,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 records, registers = 0;

  records = desk_store_count_records (store);
  if (records > 0)
    {
      g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” already holds %lld record; demonstration data is "
                                "written only into a new, empty ledger.",
                                "“%s” already holds %lld records; demonstration data is "
                                "written only into a new, empty ledger.",
                                (gulong) MIN (records, G_MAXLONG)),
                   desk_store_get_path (store), (long long) records);
      return FALSE;
    }
  stmt = desk_store_prepare (store,
                             "SELECT (SELECT count(*) FROM villages)"
                             " + (SELECT count(*) FROM staff) + (SELECT count(*) FROM committees)"
                             " + (SELECT count(*) FROM mediators) + (SELECT count(*) FROM people)"
                             " + (SELECT count(*) FROM advisers)",
                             error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    registers = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (registers > 0)
    {
      g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE,
                   _("“%s” already holds villages, staff, committees or people; demonstration "
                     "data is written only into a new, empty ledger."),
                   desk_store_get_path (store));
      return FALSE;
    }
  return TRUE;
}

static void
demo_gen_clear (DemoGen *gen)
{
  if (gen->committees != NULL)
    for (guint i = 0; i < gen->committees->len; i++)
      {
        DemoCommittee *k = &g_array_index (gen->committees, DemoCommittee, i);

        g_free (k->name);
        g_free (k->short_name);
      }
  g_clear_pointer (&gen->villages, g_array_unref);
  g_clear_pointer (&gen->committees, g_array_unref);
  g_clear_pointer (&gen->mediators, g_array_unref);
  g_clear_pointer (&gen->staff, g_array_unref);
  g_clear_pointer (&gen->advisers, g_array_unref);
  g_clear_pointer (&gen->assignments, g_array_unref);
  g_clear_pointer (&gen->people, g_array_unref);
  g_clear_pointer (&gen->orgs, g_array_unref);
  g_clear_pointer (&gen->org_names, g_ptr_array_unref);
  g_clear_pointer (&gen->org_index, g_hash_table_unref);
  g_clear_pointer (&gen->pool_sizes, g_hash_table_unref);
  g_clear_pointer (&gen->working, g_free);
  g_clear_pointer (&gen->id_serial, g_free);
  g_clear_pointer (&gen->consult_seq, g_free);
  g_clear_pointer (&gen->aid_seq, g_free);
  g_clear_pointer (&gen->case_seq, g_free);
  g_clear_pointer (&gen->centre_seq, g_free);
  if (gen->text1 != NULL)
    g_string_free (gen->text1, TRUE);
  if (gen->text2 != NULL)
    g_string_free (gen->text2, TRUE);
  if (gen->text3 != NULL)
    g_string_free (gen->text3, TRUE);
}

/* Secondary indexes of the tables the load fills: building each once from
 * sorted data at the end costs far less than keeping it up to date row by
 * row.  Names from the schema, a fixed list (the only text that goes into
 * the SQL below); each is rebuilt from its own CREATE INDEX text as the
 * schema stores it, so the file ends up exactly as the schema says, and a
 * UNIQUE index still refuses duplicates when it is rebuilt. */
static const char *const bulk_indexes[] = {
  "people_id_number", "people_phone", "people_name", "consultations_at",
  "consultations_person", "cases_accepted", "cases_closed", "cases_confirmed", "cases_open",
  "cases_committee", "case_parties_person", "case_mediators_mediator", "case_visits_case",
  "screenings_on", "legal_aid_received", "legal_aid_forwarded", "legal_aid_decided",
  "legal_aid_withdrawn", "legal_aid_pending", "legal_aid_person", "adviser_services_on",
  "adviser_services_adviser",
};

static gboolean
indexes_drop (DemoGen     *gen,
              GPtrArray   *saved,
              GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = desk_store_prepare (gen->store,
                             "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?1"
                             " AND sql IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (bulk_indexes); i++)
    {
      g_autofree char *drop = NULL;
      char *sql = NULL;

      sqlite3_bind_text (stmt, 1, bulk_indexes[i], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        sql = desk_sql_dup_text (stmt, 0);
      sqlite3_reset (stmt);
      if (sql == NULL)
        continue;   /* not in this schema version */
      g_ptr_array_add (saved, sql);
      /* bulk_indexes is a fixed list of our own names. */
      drop = g_strdup_printf ("DROP INDEX \"%s\"", bulk_indexes[i]);
      if (!desk_store_exec (gen->store, drop, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
indexes_rebuild (DemoGen     *gen,
                 GPtrArray   *saved,
                 GError     **error)
{
  for (guint i = 0; i < saved->len; i++)
    if (!desk_store_exec (gen->store, g_ptr_array_index (saved, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
generate (DemoGen       *gen,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GPtrArray) saved = NULL;

  if (!codes_lookup (gen, error) ||
      !calendar_create (gen, error) ||
      !demo_registers_create (gen, error))
    return FALSE;

  gen->people = g_array_new (FALSE, TRUE, sizeof (DemoPerson));
  gen->consult_seq = g_new0 (int, gen->n_years);
  gen->aid_seq = g_new0 (int, gen->n_years);
  gen->centre_seq = g_new0 (int, gen->n_years);
  gen->case_seq = g_new0 (int, gen->n_years * gen->committees->len);

  saved = g_ptr_array_new_with_free_func (g_free);
  if (!indexes_drop (gen, saved, error) ||
      !demo_records_create (gen, cancellable, error) ||
      !indexes_rebuild (gen, saved, error))
    return FALSE;
  return sequences_write (gen, error);
}

/**
 * desk_demo_generate:
 * @store: a new, empty ledger
 * @n_records: how many records in all (consultations, cases, screenings,
 *   legal-aid applications and adviser services)
 * @seed: the same seed, count and today give the same content
 * @progress: (nullable) (scope call): called now and then with the records
 *   written so far
 * @summary: (out caller-allocates) (optional): what was written
 *
 * Fills an empty ledger with a believable township (青山县青山镇) and
 * @n_records records spread over the last few years up to desk_today(),
 * all in one transaction.  A ledger that already holds records or
 * registers is refused.
 */
gboolean
desk_demo_generate (DeskStore             *store,
                    gint64                 n_records,
                    guint64                seed,
                    DeskDemoProgressFunc   progress,
                    gpointer               user_data,
                    GCancellable          *cancellable,
                    DeskDemoSummary       *summary,
                    GError               **error)
{
  DemoGen gen = { 0 };
  DeskDemoSummary local_summary = { 0 };
  g_autofree char *today = NULL;
  g_autoptr(GError) local = NULL;
  gboolean ok;
  int y, m, d;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (!desk_store_in_transaction (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_records < 0 || n_records > DESK_DEMO_MAX_RECORDS)
    {
      desk_set_field_error (error, _("Number of records"),
                            _("enter a whole number from 0 to %lld"),
                            (long long) DESK_DEMO_MAX_RECORDS);
      return FALSE;
    }
  if (!ledger_is_empty (store, error))
    return FALSE;

  today = desk_today ();
  desk_date_to_ymd (today, &y, &m, &d);
  gen.store = store;
  gen.rng.state = seed;
  gen.today = demo_day_from_ymd (y, m, d);
  gen.first_year = y - 3;
  gen.n_years = 4;
  gen.first = demo_day_from_ymd (gen.first_year, 1, 1);
  gen.summary = summary != NULL ? summary : &local_summary;
  memset (gen.summary, 0, sizeof *gen.summary);
  gen.progress = progress;
  gen.progress_data = user_data;
  gen.total = n_records;
  gen.next_report = MAX (n_records / 100, 1000);
  gen.text1 = g_string_sized_new (256);
  gen.text2 = g_string_sized_new (256);
  gen.text3 = g_string_sized_new (256);

#ifdef __GLIBC__
  /* The schema's CHECK (x IN (…)) constraints make SQLite build and drop a
   * small temporary b-tree for every row; keep some free memory at the top
   * of the heap so that glibc does not give it back and fault it in again
   * each time (a third of the load's time otherwise). */
  mallopt (M_TOP_PAD, 4 << 20);
#endif
  /* A new file that is filled in one go: nothing to lose if the machine
   * fails half-way, so skip the syncs and give the load a large cache. */
  ok = desk_store_exec (store, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144", error) &&
       desk_store_begin (store, error);
  if (ok)
    {
      /* The search index is built once at the end rather than row by row
       * by its triggers (the same index, in a third of the time), and from
       * the committed records, in a transaction of its own: within the
       * load's transaction it takes a third longer, reading back records
       * that are not yet in the file.  Should it fail, the records stay,
       * searched by a scan until the index is built (desk_search_resume());
       * the callers remove a new file that could not be made. */
      ok = desk_search_suspend (store, error) &&
           generate (&gen, cancellable, error);
      if (ok)
        ok = desk_store_commit (store, error);
      else
        desk_store_rollback (store);
      ok = ok && desk_search_resume (store, error);
    }
  demo_gen_clear (&gen);
#ifdef __GLIBC__
  mallopt (M_TOP_PAD, 128 << 10);   /* glibc's default */
#endif

  /* Back to the ledger's own durability (and SQLite's default cache, which
   * desk_store_open() leaves); one checkpoint syncs the file. */
  if (!desk_store_exec (store,
                        "PRAGMA cache_size = -2000; PRAGMA synchronous = FULL;"
                        " PRAGMA wal_checkpoint(TRUNCATE)", ok ? &local : NULL) && ok)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return ok;
}
