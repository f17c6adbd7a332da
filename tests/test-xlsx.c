/* test-xlsx.c — the monthly workbook, read back independently.
 *
 * A DeskReport built by hand (groups, totals, empty ratios, decimals, money,
 * text columns, a sheet of two blocks, a table without 合计) is written, then
 * read with openpyxl (tests/read-workbook.py) and converted by LibreOffice,
 * and checked cell by cell against forms.md.  Writing is atomic: no file is
 * replaced without permission, no temporary file survives, and the same
 * figures give the same bytes.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "desk-error.h"
#include "desk-test-util.h"
#include "desk-xlsx.h"

#define E G_MININT64   /* an empty cell in the builders below */
#define CSV_FILTER "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false," \
                   "false,-1"

/* ---- building a report ---------------------------------------------- */

static void
pair (DeskReportTable *table,
      const char      *group,
      int              decimals,
      gboolean         summable)
{
  desk_report_table_add_column (table, group, "本月", decimals, summable);
  desk_report_table_add_column (table, group, "本年累计", decimals, summable);
}

/* A row from @values, one per column (text columns: ignored, set after). */
static DeskReportRow *
row (DeskReportTable *table,
     const char      *label,
     const gint64    *values)
{
  DeskReportRow *r = desk_report_table_add_row (table, label, FALSE);

  for (guint c = 0; c < table->columns->len; c++)
    {
      DeskReportColumn *column = g_ptr_array_index (table->columns, c);

      if (column->text)
        continue;
      if (values[c] == E)
        desk_report_row_set_empty (r, c);
      else
        desk_report_row_set_number (r, c, values[c]);
    }
  return r;
}

/* 合计: sums of the summable columns; the others are left to the caller. */
static DeskReportRow *
total (DeskReportTable *table)
{
  guint n = table->rows->len;
  DeskReportRow *r = desk_report_table_add_row (table, "合计", TRUE);

  for (guint c = 0; c < table->columns->len; c++)
    {
      DeskReportColumn *column = g_ptr_array_index (table->columns, c);
      gint64 sum = 0;

      if (!column->summable)
        continue;
      for (guint i = 0; i < n; i++)
        sum += ((DeskReportRow *) g_ptr_array_index (table->rows, i))->cells[c].value;
      desk_report_row_set_number (r, c, sum);
    }
  return r;
}

static DeskReport *
build_report (void)
{
  DeskReport *report = desk_report_new (2026, 11);
  DeskReportTable *t;
  DeskReportRow *r;
  const char *summary_rows[] = {
    "法律咨询(件)", "法律咨询(人次)", "人民调解受理(件)", "人民调解成功(件)", "矛盾纠纷排查(次)",
    "法律援助申请接收(件)", "法律援助申请转交(件)", "法律顾问服务(次)",
  };
  const char *sources[] = {
    "当事人申请", "调委会主动调解", "法院委托移送", "检察院委托移送", "公安机关委托移送",
    "信访部门委托移送", "其他部门委托移送",
  };
  const char *categories[] = {
    "申请件数", "老年人", "残疾人", "未成年人", "女性", "农民工", "农民", "少数民族", "军人军属",
    "外国人或无国籍人", "其他",
  };
  const char *channels[] = { "来访", "来电", "12348热线", "来信", "网络", "上门服务" };
  const char *results[] = {
    "当场解答", "约期答复", "代写文书", "引导人民调解", "指导申请法律援助", "转介法律服务",
    "转有关部门", "其他",
  };
  const char *prevented[] = {
    "防止民间纠纷引起自杀", "防止民间纠纷转化为刑事案件", "防止群体性上访", "防止群体性械斗",
  };

  report->county = g_strdup ("青山县");
  report->township = g_strdup ("青山镇");
  report->station = g_strdup ("青山镇司法所");
  report->head = g_strdup ("王建国");
  report->reviewer = NULL;          /* blank: the label alone */
  report->clerk = g_strdup ("李娜");
  report->phone = g_strdup ("0571-88880000");

  /* 汇总, single header row, and its second block */
  t = desk_report_add_table (report, "汇总", "工作情况汇总表", "件、次", "项目");
  t->single_header_row = TRUE;
  desk_report_table_add_column (t, NULL, "本月", 0, FALSE);
  desk_report_table_add_column (t, NULL, "上月", 0, FALSE);
  desk_report_table_add_column (t, NULL, "去年同月", 0, FALSE);
  desk_report_table_add_column (t, NULL, "环比(%)", 1, FALSE);
  desk_report_table_add_column (t, NULL, "同比(%)", 1, FALSE);
  desk_report_table_add_column (t, NULL, "本年累计", 0, FALSE);
  desk_report_table_add_column (t, NULL, "去年同期累计", 0, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (summary_rows); i++)
    {
      /* 13 vs 16 → −18.8; the row without a last month has no 环比 */
      gint64 v[] = { 13 + i, i == 0 ? 0 : 16, 8, i == 0 ? E : -188, 625, 100 + i, 90 };

      row (t, summary_rows[i], v);
    }
  t = desk_report_add_table (report, "汇总", NULL, NULL, "站点指标");
  t->single_header_row = TRUE;
  desk_report_table_add_column (t, NULL, "当前值(%)", 1, FALSE);
  desk_report_table_add_column (t, NULL, "目标值(%)", 0, FALSE);
  row (t, "村(居)配备法律顾问的比例", (gint64[]) { 1000, 100 });
  row (t, "村(社区)人民调解委员会覆盖率", (gint64[]) { 813, 100 });
  row (t, "专职人民调解员比例", (gint64[]) { E, 20 });

  /* 人民调解: groups, ratios, money, one single column */
  t = desk_report_add_table (report, "人民调解", "人民调解案件统计表", "件、人、元", "纠纷类型");
  pair (t, "受理", 0, TRUE);
  pair (t, "办结", 0, TRUE);
  pair (t, "调解成功", 0, TRUE);
  pair (t, "成功率(%)", 1, FALSE);
  pair (t, "口头协议", 0, TRUE);
  pair (t, "书面协议", 0, TRUE);
  pair (t, "涉及当事人(人)", 0, TRUE);
  pair (t, "协议金额(元)", 2, TRUE);
  pair (t, "司法确认", 0, TRUE);
  desk_report_table_add_column (t, NULL, "期末未结", 0, TRUE);
  row (t, "婚姻家庭纠纷",
       (gint64[]) { 3, 25, 2, 20, 2, 18, 1000, 900, 1, 8, 1, 10, 6, 52, 1250, 1000050, 0, 2, 4 });
  row (t, "邻里纠纷",
       (gint64[]) { 1, 9, 0, 7, 0, 5, E, 714, 0, 3, 0, 2, 2, 20, 0, 30000, 0, 0, 2 });
  row (t, "其他纠纷",
       (gint64[]) { 0, 0, 0, 0, 0, 0, E, E, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
  r = total (t);
  desk_report_row_set_number (r, 6, 1000);
  desk_report_row_set_number (r, 7, 852);   /* 23 / 27 */

  /* 调解来源 */
  t = desk_report_add_table (report, "调解来源", "人民调解案件来源统计表", "件", "案件来源");
  pair (t, "受理", 0, TRUE);
  pair (t, "调解成功", 0, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    row (t, sources[i], (gint64[]) { i == 0 ? 4 : 0, 30 - i, i == 0 ? 2 : 0, 20 - i });
  total (t);

  /* 调委会: a text column, empty on 合计 */
  t = desk_report_add_table (report, "调委会", "人民调解委员会工作统计表", "件、人", "调委会");
  desk_report_table_add_text_column (t, "类型");
  pair (t, "受理", 0, TRUE);
  pair (t, "调解成功", 0, TRUE);
  desk_report_table_add_column (t, NULL, "期末未结", 0, TRUE);
  desk_report_table_add_column (t, NULL, "调解员(人)", 0, TRUE);
  r = row (t, "青山镇人民调解委员会", (gint64[]) { 0, 3, 20, 2, 15, 5, 7 });
  desk_report_row_set_text (r, 0, "乡镇(街道)调委会");
  r = row (t, "东山村人民调解委员会", (gint64[]) { 0, 1, 14, 0, 8, 1, 3 });
  desk_report_row_set_text (r, 0, "村调委会");
  total (t);

  /* 排查防激化: 件/人 groups for the month */
  t = desk_report_add_table (report, "排查防激化", "矛盾纠纷排查及防激化统计表", "次、件、人",
                             "调委会");
  pair (t, "排查次数", 0, TRUE);
  pair (t, "排查发现纠纷", 0, TRUE);
  pair (t, "预防纠纷", 0, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (prevented); i++)
    {
      desk_report_table_add_column (t, prevented[i], "件", 0, TRUE);
      desk_report_table_add_column (t, prevented[i], "人", 0, TRUE);
    }
  row (t, "青山镇人民调解委员会", (gint64[]) { 2, 22, 3, 30, 1, 12, 1, 3, 0, 0, 1, 12, 0, 0 });
  row (t, "东山村人民调解委员会", (gint64[]) { 2, 20, 1, 9, 0, 4, 0, 0, 1, 2, 0, 0, 0, 0 });
  total (t);

  /* 法律咨询: two groups of single columns for the month */
  t = desk_report_add_table (report, "法律咨询", "法律咨询登记统计表", "件、人次", "咨询类别");
  pair (t, "咨询(件)", 0, TRUE);
  pair (t, "咨询(人次)", 0, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    desk_report_table_add_column (t, "按渠道(本月)", channels[i], 0, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    desk_report_table_add_column (t, "按处理结果(本月)", results[i], 0, TRUE);
  row (t, "婚姻家庭", (gint64[]) { 5, 60, 7, 75, 3, 1, 1, 0, 0, 0, 4, 0, 0, 1, 0, 0, 0, 0 });
  row (t, "继承", (gint64[]) { 2, 11, 2, 14, 1, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0 });
  row (t, "其他", (gint64[]) { 0, 4, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
  total (t);

  /* 法律援助 */
  t = desk_report_add_table (report, "法律援助", "法律援助申请受理转交统计表", "件", "援助事项");
  pair (t, "接收申请", 0, TRUE);
  pair (t, "转交", 0, TRUE);
  desk_report_table_add_column (t, NULL, "按期转交(本月)", 0, TRUE);
  desk_report_table_add_column (t, NULL, "决定给予(本月)", 0, TRUE);
  desk_report_table_add_column (t, NULL, "决定不予(本月)", 0, TRUE);
  desk_report_table_add_column (t, NULL, "撤回(本月)", 0, TRUE);
  desk_report_table_add_column (t, NULL, "期末待转交", 0, TRUE);
  row (t, "请求给付赡养费、抚养费、扶养费", (gint64[]) { 1, 4, 1, 4, 1, 0, 0, 0, 0 });
  row (t, "其他", (gint64[]) { 0, 2, 0, 1, 0, 1, 0, 0, 1 });
  total (t);

  /* 受援人类别: no 合计 */
  t = desk_report_add_table (report, "受援人类别", "法律援助申请人类别统计表", "件", "类别");
  pair (t, "接收申请", 0, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    row (t, categories[i], (gint64[]) { i == 0 ? 1 : i % 2, i == 0 ? 6 : i });

  /* 法律顾问: hours with one decimal, a text column empty on 合计 */
  t = desk_report_add_table (report, "法律顾问", "村(居)法律顾问工作统计表",
                             "次、小时、件、场、人次、份", "法律顾问");
  desk_report_table_add_column (t, NULL, "服务村(居)数", 0, TRUE);
  pair (t, "服务次数", 0, TRUE);
  desk_report_table_add_column (t, NULL, "实地服务(次)", 0, TRUE);
  pair (t, "服务时长(小时)", 1, TRUE);
  desk_report_table_add_column (t, NULL, "解答咨询(件)", 0, TRUE);
  desk_report_table_add_text_column (t, "是否达标");
  r = row (t, "张律师", (gint64[]) { 2, 3, 30, 2, 65, 412, 9, 0 });
  desk_report_row_set_text (r, 7, "是");
  r = row (t, "刘律师", (gint64[]) { 1, 1, 8, 0, 15, 97, 2, 0 });
  desk_report_row_set_text (r, 7, "否");
  total (t);

  g_ptr_array_add (report->notes, g_strdup ("法律咨询(件)：本月按咨询日期登记的法律咨询件数。"));
  g_ptr_array_add (report->notes, g_strdup ("成功率(%)：调解成功件数除以办结件数乘以100，"
                                            "保留一位小数；办结为0时不填。"));
  g_ptr_array_add (report->notes, g_strdup ("期末未结：本月最后一日前受理、至该日未结案的案件数。"));
  return report;
}

/* ---- reading it back -------------------------------------------------- */

/* KEY → JSON value, from read-workbook.py --lines. */
static GHashTable *
read_workbook (const char *path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "read-workbook.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, "--lines", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *facts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("read-workbook.py failed: %s", err);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *tab = strchr (lines[i], '\t');

      if (tab == NULL)
        continue;
      g_hash_table_insert (facts, g_strndup (lines[i], tab - lines[i]), g_strdup (tab + 1));
    }
  return facts;
}

static const char *
fact (GHashTable *facts,
      const char *sheet,
      const char *key)
{
  g_autofree char *full = g_strdup_printf ("%s/%s", sheet, key);

  return g_hash_table_lookup (facts, full);
}

#define assert_fact(facts, sheet, key, expected) \
  g_assert_cmpstr (fact ((facts), (sheet), (key)), ==, (expected))

/* A text cell: ["text", "General"]. */
static void
assert_text (GHashTable *facts,
             const char *sheet,
             const char *ref,
             const char *text)
{
  g_autofree char *key = g_strdup_printf ("cell/%s", ref);
  g_autofree char *expected = g_strdup_printf ("[\"%s\", \"General\"]", text);

  assert_fact (facts, sheet, key, expected);
}

/* A number cell: [value, "format"]; value as JSON writes it. */
static void
assert_number (GHashTable *facts,
               const char *sheet,
               const char *ref,
               const char *value,
               const char *format)
{
  g_autofree char *key = g_strdup_printf ("cell/%s", ref);
  g_autofree char *expected = g_strdup_printf ("[%s, \"%s\"]", value, format);

  assert_fact (facts, sheet, key, expected);
}

static void
assert_empty (GHashTable *facts,
              const char *sheet,
              const char *ref)
{
  g_autofree char *key = g_strdup_printf ("cell/%s", ref);

  g_assert_null (fact (facts, sheet, key));
}

static void
assert_formula (GHashTable *facts,
                const char *sheet,
                const char *ref,
                const char *formula)
{
  g_autofree char *key = g_strdup_printf ("formula/%s", ref);
  g_autofree char *expected = formula ? g_strdup_printf ("\"%s\"", formula) : NULL;

  assert_fact (facts, sheet, key, expected);
}

/* Style of a cell, as the JSON object read-workbook.py writes. */
static const char *
style (GHashTable *facts,
       const char *sheet,
       const char *ref)
{
  g_autofree char *key = g_strdup_printf ("style/%s", ref);
  const char *value = fact (facts, sheet, key);

  g_assert_nonnull (value);
  return value;
}

#define HEADER_STYLE "{\"align\": \"center\", \"bold\": true, " \
  "\"border\": [\"thin\", \"thin\", \"thin\", \"thin\"], \"fill\": \"FFD9D9D9\", \"size\": 11.0}"
#define TITLE_STYLE "{\"align\": \"center\", \"bold\": true, \"border\": null, " \
  "\"fill\": null, \"size\": 16.0}"

static double
width (GHashTable *facts,
       const char *sheet,
       const char *column)
{
  g_autofree char *key = g_strdup_printf ("width/%s", column);
  const char *value = fact (facts, sheet, key);

  g_assert_nonnull (value);
  return g_ascii_strtod (value, NULL);
}

static void
assert_print (GHashTable *facts,
              const char *sheet,
              const char *title_rows)
{
  g_autofree char *expected = g_strdup_printf ("{\"fit_height\": 0, \"fit_to_page\": true, "
                                               "\"fit_width\": 1, \"orientation\": "
                                               "\"landscape\", \"paper\": 9, \"title_rows\": %s}",
                                               title_rows);

  assert_fact (facts, sheet, "print", expected);
}

static void
assert_count (GHashTable *facts,
              const char *sheet,
              guint       count)
{
  g_autofree char *expected = g_strdup_printf ("%u", count);

  assert_fact (facts, sheet, "count", expected);
}

/* ---- helpers around files ------------------------------------------- */

static char *
fresh_dir (const char *name)
{
  char *dir = desk_test_path (name);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The names in @dir, sorted, joined by "|". */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("|", (char **) names->pdata);
}

static GBytes *
slurp (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

static const DeskXlsxOptions test_options = {
  .corrected = FALSE,
  .report_date = "2026-12-03",
  .overwrite = FALSE,
  .created = 0,
};

/* Writes the standard report once per test program and returns its path. */
static const char *
standard_book (void)
{
  static char *path;

  if (path == NULL)
    {
      g_autoptr(DeskReport) report = build_report ();
      g_autofree char *dir = fresh_dir ("standard");
      g_autofree char *name = desk_xlsx_file_name (report, FALSE);
      g_autoptr(GError) error = NULL;

      path = g_build_filename (dir, name, NULL);
      g_assert_true (desk_xlsx_write (report, path, &test_options, &error));
      g_assert_no_error (error);
    }
  return path;
}

static GHashTable *
standard_facts (void)
{
  static GHashTable *facts;

  if (facts == NULL)
    facts = read_workbook (standard_book ());
  return facts;
}

/* ---- tests ------------------------------------------------------------ */

static void
test_file_name (void)
{
  g_autoptr(DeskReport) report = build_report ();
  g_autofree char *plain = desk_xlsx_file_name (report, FALSE);
  g_autofree char *corrected = desk_xlsx_file_name (report, TRUE);
  g_autofree char *odd = NULL;

  g_assert_cmpstr (plain, ==, "青山镇司法所_2026年11月_统计月报.xlsx");
  g_assert_cmpstr (corrected, ==, "青山镇司法所_2026年11月_统计月报（更正）.xlsx");

  report->month = 3;
  g_free (report->station);
  report->station = g_strdup ("青山/镇:司法所");
  odd = desk_xlsx_file_name (report, FALSE);
  g_assert_cmpstr (odd, ==, "青山_镇_司法所_2026年03月_统计月报.xlsx");
}

static void
test_display_width (void)
{
  g_assert_cmpint (desk_xlsx_display_width (""), ==, 0);
  g_assert_cmpint (desk_xlsx_display_width ("合计"), ==, 4);
  g_assert_cmpint (desk_xlsx_display_width ("成功率(%)"), ==, 9);
  g_assert_cmpint (desk_xlsx_display_width ("填报单位：青山镇司法所（盖章）"), ==, 30);
  g_assert_cmpint (desk_xlsx_display_width ("统计期：2026-11-01 至 2026-11-30"), ==, 32);
}

static void
test_sheets (void)
{
  GHashTable *facts = standard_facts ();

  g_assert_cmpstr (g_hash_table_lookup (facts, "sheets"), ==,
                   "[\"汇总\", \"人民调解\", \"调解来源\", \"调委会\", \"排查防激化\", \"法律咨询\", "
                   "\"法律援助\", \"受援人类别\", \"法律顾问\", \"填报说明\"]");
}

/* 汇总: a single header row, title over the first block's 8 columns, the
 * second block after one empty row from column A, footer under it. */
static void
test_summary_sheet (void)
{
  GHashTable *facts = standard_facts ();
  const char *s = "汇总";
  const char *header[] = { "项目", "本月", "上月", "去年同月", "环比(%)", "同比(%)", "本年累计",
                           "去年同期累计" };

  assert_fact (facts, s, "merged", "[\"A1:H1\"]");
  assert_text (facts, s, "A1", "青山县青山镇司法所2026年11月工作情况汇总表");
  g_assert_cmpstr (style (facts, s, "A1"), ==, TITLE_STYLE);
  assert_text (facts, s, "A2", "填报单位：青山镇司法所（盖章）");
  assert_text (facts, s, "E2", "统计期：2026-11-01 至 2026-11-30");
  assert_text (facts, s, "H2", "计量单位：件、次");
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    {
      char ref[8];

      g_snprintf (ref, sizeof ref, "%c3", 'A' + c);
      assert_text (facts, s, ref, header[c]);
      g_assert_cmpstr (style (facts, s, ref), ==, HEADER_STYLE);
    }
  assert_text (facts, s, "A4", "法律咨询(件)");
  assert_number (facts, s, "B4", "13", "0");
  assert_number (facts, s, "C4", "0", "0");         /* 0 is written */
  assert_empty (facts, s, "E4");                     /* 环比 over 0: empty */
  g_assert_nonnull (strstr (style (facts, s, "E4"), "\"border\": [\"thin\""));
  assert_number (facts, s, "F4", "62.5", "0.0");
  assert_text (facts, s, "A5", "法律咨询(人次)");
  assert_number (facts, s, "E5", "-18.8", "0.0");
  assert_text (facts, s, "A11", "法律顾问服务(次)");
  assert_number (facts, s, "G11", "107", "0");
  assert_number (facts, s, "H11", "90", "0");
  assert_empty (facts, s, "A12");                    /* one empty row */
  assert_text (facts, s, "A13", "站点指标");
  assert_text (facts, s, "B13", "当前值(%)");
  assert_text (facts, s, "C13", "目标值(%)");
  assert_empty (facts, s, "D13");
  g_assert_cmpstr (style (facts, s, "A13"), ==, HEADER_STYLE);
  assert_text (facts, s, "A14", "村(居)配备法律顾问的比例");
  assert_number (facts, s, "B14", "100", "0.0");
  assert_number (facts, s, "C14", "100", "0");
  assert_number (facts, s, "B15", "81.3", "0.0");
  assert_text (facts, s, "A16", "专职人民调解员比例");
  assert_empty (facts, s, "B16");
  assert_number (facts, s, "C16", "20", "0");
  assert_empty (facts, s, "A17");
  assert_text (facts, s, "A18", "单位负责人：王建国");
  assert_text (facts, s, "B18", "审核人：");
  assert_text (facts, s, "D18", "填报人：李娜");
  assert_text (facts, s, "E18", "联系电话：0571-88880000");
  assert_text (facts, s, "G18", "报送日期：2026-12-03");
  /* title, 3 in row 2, 8 headers, 8 × 8 − 1 figures, 3 headers, 3 × 3 − 1
   * figures, 5 in the footer: nothing else */
  assert_count (facts, s, 1 + 3 + 8 + (8 * 8 - 1) + 3 + (3 * 3 - 1) + 5);
  assert_fact (facts, s, "freeze", "\"B4\"");
  assert_print (facts, s, "\"$3:$3\"");
  g_assert_null (fact (facts, s, "formula/B4"));

  /* widths fit the labels: CJK characters count double */
  g_assert_cmpfloat (width (facts, s, "A"), >=,
                     desk_xlsx_display_width ("村(社区)人民调解委员会覆盖率"));
  g_assert_cmpfloat (width (facts, s, "H"), >=, desk_xlsx_display_width ("去年同期累计"));
  g_assert_cmpfloat (width (facts, s, "H"), <, 30);
}

/* 人民调解: a two-row header, groups, single columns over both rows, ratios,
 * money, SUM totals with their results. */
static void
test_mediation_sheet (void)
{
  GHashTable *facts = standard_facts ();
  const char *s = "人民调解";
  const char *groups[] = { "受理", "办结", "调解成功", "成功率(%)", "口头协议", "书面协议",
                           "涉及当事人(人)", "协议金额(元)", "司法确认" };

  assert_fact (facts, s, "merged",
               "[\"A1:T1\", \"A3:A4\", \"B3:C3\", \"D3:E3\", \"F3:G3\", \"H3:I3\", \"J3:K3\", "
               "\"L3:M3\", \"N3:O3\", \"P3:Q3\", \"R3:S3\", \"T3:T4\"]");
  assert_text (facts, s, "A1", "青山县青山镇司法所2026年11月人民调解案件统计表");
  assert_text (facts, s, "A2", "填报单位：青山镇司法所（盖章）");
  assert_text (facts, s, "K2", "统计期：2026-11-01 至 2026-11-30");
  assert_text (facts, s, "T2", "计量单位：件、人、元");
  assert_text (facts, s, "A3", "纠纷类型");
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      char ref[8];

      g_snprintf (ref, sizeof ref, "%c3", 'B' + 2 * g);
      assert_text (facts, s, ref, groups[g]);
      g_snprintf (ref, sizeof ref, "%c4", 'B' + 2 * g);
      assert_text (facts, s, ref, "本月");
      g_assert_cmpstr (style (facts, s, ref), ==, HEADER_STYLE);
      g_snprintf (ref, sizeof ref, "%c4", 'C' + 2 * g);
      assert_text (facts, s, ref, "本年累计");
    }
  assert_text (facts, s, "T3", "期末未结");
  assert_empty (facts, s, "T4");

  assert_text (facts, s, "A5", "婚姻家庭纠纷");
  assert_number (facts, s, "B5", "3", "0");
  assert_number (facts, s, "H5", "100", "0.0");
  assert_number (facts, s, "I5", "90", "0.0");
  assert_number (facts, s, "P5", "12.5", "0.00");
  assert_number (facts, s, "Q5", "10000.5", "0.00");
  assert_number (facts, s, "T5", "4", "0");
  assert_text (facts, s, "A6", "邻里纠纷");
  assert_empty (facts, s, "H6");
  assert_number (facts, s, "I6", "71.4", "0.0");
  assert_number (facts, s, "D6", "0", "0");
  assert_empty (facts, s, "H7");
  assert_empty (facts, s, "I7");

  /* 合计: SUM formulas with the right cached value; the ratio is a value */
  assert_text (facts, s, "A8", "合计");
  assert_number (facts, s, "B8", "4", "0");
  assert_formula (facts, s, "B8", "=SUM(B5:B7)");
  assert_number (facts, s, "C8", "34", "0");
  assert_number (facts, s, "E8", "27", "0");
  assert_number (facts, s, "G8", "23", "0");
  assert_number (facts, s, "H8", "100", "0.0");
  assert_number (facts, s, "I8", "85.2", "0.0");
  g_assert_null (fact (facts, s, "formula/I8"));
  assert_number (facts, s, "P8", "12.5", "0.00");
  assert_number (facts, s, "Q8", "10300.5", "0.00");
  assert_formula (facts, s, "Q8", "=SUM(Q5:Q7)");
  assert_number (facts, s, "T8", "6", "0");
  assert_formula (facts, s, "T8", "=SUM(T5:T7)");

  assert_empty (facts, s, "A9");
  assert_text (facts, s, "A10", "单位负责人：王建国");
  assert_text (facts, s, "E10", "审核人：");
  assert_text (facts, s, "I10", "填报人：李娜");
  assert_text (facts, s, "M10", "联系电话：0571-88880000");
  assert_text (facts, s, "Q10", "报送日期：2026-12-03");
  /* 3 rows of 19 figures minus 3 empty ratios, the 合计 row full */
  assert_count (facts, s, 1 + 3 + (1 + 9 * 3 + 1) + 4 * (1 + 19) - 3 + 5);
  assert_fact (facts, s, "freeze", "\"B5\"");
  assert_print (facts, s, "\"$3:$4\"");

  /* a group label fits across its two columns */
  g_assert_cmpfloat (width (facts, s, "N") + width (facts, s, "O"), >=,
                     desk_xlsx_display_width ("涉及当事人(人)"));
  g_assert_cmpfloat (width (facts, s, "Q"), >=, desk_xlsx_display_width ("10000.50"));
}

/* 法律咨询: groups over six and eight single columns. */
static void
test_consultation_sheet (void)
{
  GHashTable *facts = standard_facts ();
  const char *s = "法律咨询";
  const char *channels[] = { "来访", "来电", "12348热线", "来信", "网络", "上门服务" };
  const char *results[] = { "当场解答", "约期答复", "代写文书", "引导人民调解", "指导申请法律援助",
                            "转介法律服务", "转有关部门", "其他" };

  assert_fact (facts, s, "merged",
               "[\"A1:S1\", \"A3:A4\", \"B3:C3\", \"D3:E3\", \"F3:K3\", \"L3:S3\"]");
  assert_text (facts, s, "A1", "青山县青山镇司法所2026年11月法律咨询登记统计表");
  assert_text (facts, s, "A3", "咨询类别");
  assert_text (facts, s, "B3", "咨询(件)");
  assert_text (facts, s, "D3", "咨询(人次)");
  assert_text (facts, s, "F3", "按渠道(本月)");
  assert_text (facts, s, "L3", "按处理结果(本月)");
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    {
      char ref[8];

      g_snprintf (ref, sizeof ref, "%c4", 'F' + i);
      assert_text (facts, s, ref, channels[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      char ref[8];

      g_snprintf (ref, sizeof ref, "%c4", 'L' + i);
      assert_text (facts, s, ref, results[i]);
    }
  assert_text (facts, s, "A5", "婚姻家庭");
  assert_number (facts, s, "D5", "7", "0");
  assert_text (facts, s, "A8", "合计");
  assert_number (facts, s, "B8", "7", "0");
  assert_number (facts, s, "C8", "75", "0");
  assert_number (facts, s, "L8", "5", "0");
  assert_formula (facts, s, "L8", "=SUM(L5:L7)");
  assert_number (facts, s, "S8", "0", "0");
  assert_text (facts, s, "A10", "单位负责人：王建国");
  assert_count (facts, s, 1 + 3 + (1 + 4 + 2 * 2 + 6 + 8) + 4 * 19 + 5);
  assert_fact (facts, s, "freeze", "\"B5\"");
  assert_print (facts, s, "\"$3:$4\"");
}

/* 排查防激化: the 件/人 pairs under each prevented outcome. */
static void
test_screening_sheet (void)
{
  GHashTable *facts = standard_facts ();
  const char *s = "排查防激化";

  assert_fact (facts, s, "merged",
               "[\"A1:O1\", \"A3:A4\", \"B3:C3\", \"D3:E3\", \"F3:G3\", \"H3:I3\", \"J3:K3\", "
               "\"L3:M3\", \"N3:O3\"]");
  assert_text (facts, s, "A1", "青山县青山镇司法所2026年11月矛盾纠纷排查及防激化统计表");
  assert_text (facts, s, "O2", "计量单位：次、件、人");
  assert_text (facts, s, "A3", "调委会");
  assert_text (facts, s, "B3", "排查次数");
  assert_text (facts, s, "H3", "防止民间纠纷引起自杀");
  assert_text (facts, s, "H4", "件");
  assert_text (facts, s, "I4", "人");
  assert_text (facts, s, "J3", "防止民间纠纷转化为刑事案件");
  assert_text (facts, s, "N3", "防止群体性械斗");
  assert_text (facts, s, "O4", "人");
  assert_number (facts, s, "I5", "3", "0");
  assert_number (facts, s, "L7", "1", "0");
  assert_number (facts, s, "M7", "12", "0");
  assert_number (facts, s, "C7", "42", "0");
  g_assert_cmpfloat (width (facts, s, "J") + width (facts, s, "K"), >=,
                     desk_xlsx_display_width ("防止民间纠纷转化为刑事案件"));
  assert_count (facts, s, 1 + 3 + (1 + 7 + 14) + 3 * 15 + 5);
}

/* 调委会 and 法律顾问: text columns, empty on 合计; hours with one decimal. */
static void
test_text_columns (void)
{
  GHashTable *facts = standard_facts ();

  assert_fact (facts, "调委会", "merged",
               "[\"A1:H1\", \"A3:A4\", \"B3:B4\", \"C3:D3\", \"E3:F3\", \"G3:G4\", \"H3:H4\"]");
  assert_text (facts, "调委会", "B3", "类型");
  assert_text (facts, "调委会", "B5", "乡镇(街道)调委会");
  assert_text (facts, "调委会", "B6", "村调委会");
  assert_text (facts, "调委会", "A7", "合计");
  assert_empty (facts, "调委会", "B7");
  assert_number (facts, "调委会", "H7", "10", "0");

  assert_text (facts, "法律顾问", "A3", "法律顾问");
  assert_text (facts, "法律顾问", "F3", "服务时长(小时)");
  assert_number (facts, "法律顾问", "F5", "6.5", "0.0");
  assert_number (facts, "法律顾问", "G5", "41.2", "0.0");
  assert_number (facts, "法律顾问", "G7", "50.9", "0.0");
  assert_formula (facts, "法律顾问", "G7", "=SUM(G5:G6)");
  assert_text (facts, "法律顾问", "I5", "是");
  assert_text (facts, "法律顾问", "I6", "否");
  assert_empty (facts, "法律顾问", "I7");
  assert_empty (facts, "法律顾问", "I4");   /* a single column spans both rows */
}

/* 受援人类别: narrow, no 合计, and still one footer row of five cells. */
static void
test_aid_category_sheet (void)
{
  GHashTable *facts = standard_facts ();
  const char *s = "受援人类别";

  assert_fact (facts, s, "merged", "[\"A1:C1\", \"A3:A4\", \"B3:C3\"]");
  assert_text (facts, s, "A1", "青山县青山镇司法所2026年11月法律援助申请人类别统计表");
  assert_text (facts, s, "A2", "填报单位：青山镇司法所（盖章）");
  assert_text (facts, s, "B2", "统计期：2026-11-01 至 2026-11-30");
  assert_text (facts, s, "C2", "计量单位：件");
  assert_text (facts, s, "A3", "类别");
  assert_text (facts, s, "B3", "接收申请");
  assert_text (facts, s, "B4", "本月");
  assert_text (facts, s, "C4", "本年累计");
  assert_text (facts, s, "A5", "申请件数");
  assert_number (facts, s, "C5", "6", "0");
  assert_text (facts, s, "A14", "外国人或无国籍人");
  assert_text (facts, s, "A15", "其他");
  assert_number (facts, s, "C15", "10", "0");
  assert_empty (facts, s, "A16");
  assert_text (facts, s, "A17", "单位负责人：王建国");
  assert_text (facts, s, "B17", "审核人：");
  assert_text (facts, s, "C17", "填报人：李娜");
  assert_text (facts, s, "D17", "联系电话：0571-88880000");
  assert_text (facts, s, "E17", "报送日期：2026-12-03");
  assert_formula (facts, s, "C15", NULL);
  assert_count (facts, s, 1 + 3 + 4 + 11 * 3 + 5);
  assert_fact (facts, s, "freeze", "\"B5\"");
  /* the title wraps over the narrow table in a taller row */
  g_assert_nonnull (fact (facts, s, "height/1"));
  g_assert_cmpfloat (g_ascii_strtod (fact (facts, s, "height/1"), NULL), >, 24);
}

static void
test_notes_sheet (void)
{
  GHashTable *facts = standard_facts ();
  const char *s = "填报说明";

  assert_text (facts, s, "A1", "填报说明");
  assert_text (facts, s, "A2", "法律咨询(件)：本月按咨询日期登记的法律咨询件数。");
  assert_text (facts, s, "A4", "期末未结：本月最后一日前受理、至该日未结案的案件数。");
  assert_count (facts, s, 4);
  assert_fact (facts, s, "merged", "[]");
  g_assert_cmpfloat (width (facts, s, "A"), >=,
                     desk_xlsx_display_width ("期末未结：本月最后一日前受理、至该日未结案的案件数。"));
}

static void
test_corrected (void)
{
  g_autoptr(DeskReport) report = build_report ();
  g_autofree char *dir = fresh_dir ("corrected");
  g_autofree char *name = desk_xlsx_file_name (report, TRUE);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GHashTable) facts = NULL;
  g_autoptr(GError) error = NULL;
  DeskXlsxOptions options = test_options;

  options.corrected = TRUE;
  g_assert_true (desk_xlsx_write (report, path, &options, &error));
  g_assert_no_error (error);
  facts = read_workbook (path);
  assert_text (facts, "汇总", "A1", "青山县青山镇司法所2026年11月工作情况汇总表（更正）");
  assert_text (facts, "人民调解", "A1", "青山县青山镇司法所2026年11月人民调解案件统计表（更正）");
  assert_text (facts, "法律顾问", "A1",
               "青山县青山镇司法所2026年11月村(居)法律顾问工作统计表（更正）");
  assert_text (facts, "填报说明", "A1", "填报说明");
}

/* No overwrite without permission, no temporary file left, same bytes. */
static void
test_atomic (void)
{
  g_autoptr(DeskReport) report = build_report ();
  g_autofree char *dir = fresh_dir ("atomic");
  g_autofree char *path = g_build_filename (dir, "book.xlsx", NULL);
  g_autofree char *other = g_build_filename (dir, "again.xlsx", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  DeskXlsxOptions options = test_options;

  g_assert_true (desk_xlsx_write (report, path, &options, &error));
  g_assert_no_error (error);
  first = slurp (path);
  g_assert_cmpuint (g_bytes_get_size (first), >, 4000);
  g_assert_cmpmem (g_bytes_get_data (first, NULL), 2, "PK", 2);

  /* exists, no permission: refused, untouched */
  g_assert_false (desk_xlsx_write (report, path, &options, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "book.xlsx"));
  g_assert_nonnull (strstr (error->message, "已存在"));
  g_clear_error (&error);
  after = slurp (path);
  g_assert_true (g_bytes_equal (first, after));
  g_clear_pointer (&after, g_bytes_unref);

  /* with permission: replaced, byte-identical (same figures, same options) */
  options.overwrite = TRUE;
  g_assert_true (desk_xlsx_write (report, path, &options, &error));
  g_assert_no_error (error);
  after = slurp (path);
  g_assert_true (g_bytes_equal (first, after));

  /* a second file of the same figures, seconds later, has the same bytes:
   * nothing in it depends on the clock (zip entries carry 2-second times) */
  g_usleep (2100 * G_TIME_SPAN_MILLISECOND);
  options.overwrite = FALSE;
  g_assert_true (desk_xlsx_write (report, other, &options, &error));
  g_assert_no_error (error);
  second = slurp (other);
  g_assert_true (g_bytes_equal (first, second));

  /* an explicit creation time changes the properties only */
  options.created = 1764547200;
  g_assert_true (desk_xlsx_write (report, other, &(DeskXlsxOptions) {
                                    .report_date = "2026-12-03", .overwrite = TRUE,
                                    .created = 1764547200 }, &error));
  g_assert_no_error (error);
  g_clear_pointer (&second, g_bytes_unref);
  second = slurp (other);
  g_assert_false (g_bytes_equal (first, second));

  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "again.xlsx|book.xlsx");
}

static void
test_failures (void)
{
  g_autoptr(DeskReport) report = build_report ();
  g_autofree char *dir = fresh_dir ("failures");
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "book.xlsx", NULL);
  g_autofree char *path = g_build_filename (dir, "book.xlsx", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  DeskXlsxOptions options = test_options;

  /* a folder that does not exist */
  g_assert_false (desk_xlsx_write (report, missing, &options, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_clear_error (&error);

  /* a bad 报送日期 */
  options.report_date = "2026-13-01";
  g_assert_false (desk_xlsx_write (report, path, &options, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "报送日期："));
  g_clear_error (&error);
  options.report_date = "2026-12-03";

  /* failing halfway (a sheet name Excel refuses): no temporary file left,
   * no file under the target name */
  {
    DeskReportTable *bad = desk_report_add_table (report, "bad[sheet]", "坏表", "件", "项目");

    desk_report_table_add_column (bad, NULL, "本月", 0, TRUE);
  }
  g_assert_false (desk_xlsx_write (report, path, &options, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO);
  g_clear_error (&error);

  /* replacing a folder fails after writing: the temporary file goes */
  g_ptr_array_remove_index (report->tables, report->tables->len - 1);
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  {
    g_autofree char *inside = g_build_filename (path, "keep", NULL);

    g_assert_true (g_file_set_contents (inside, "x", 1, NULL));
    options.overwrite = TRUE;
    g_assert_false (desk_xlsx_write (report, path, &options, &error));
    g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO);
    g_clear_error (&error);
  }

  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "book.xlsx");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
}

/* LibreOffice, which does not calculate on load, shows the stored totals. */
static void
test_libreoffice (void)
{
  g_autofree char *dir = fresh_dir ("libreoffice");
  g_autofree char *profile = desk_test_path ("libreoffice-profile");
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *env_arg = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  g_autofree char *book = g_build_filename (dir, "book.xlsx", NULL);
  g_autofree char *csv_path = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = slurp (standard_book ());
  int status;
  const char *argv[] = { "soffice", env_arg, "--headless", "--norestore", "--convert-to",
                         CSV_FILTER, "--outdir", dir, book, NULL };

  g_assert_true (g_file_set_contents (book, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("soffice failed: %s\n%s", out, err);

  csv_path = g_build_filename (dir, "book-人民调解.csv", NULL);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "青山县青山镇司法所2026年11月人民调解案件统计表,"));
  g_assert_nonnull (strstr (csv, "\n婚姻家庭纠纷,3,25,2,20,2,18,100,90,1,8,1,10,6,52,12.5,"
                                 "10000.5,0,2,4\n"));
  g_assert_nonnull (strstr (csv, "\n合计,4,34,2,27,2,23,100,85.2,1,11,1,12,8,72,12.5,"
                                 "10300.5,0,2,6\n"));
  g_clear_pointer (&csv, g_free);
  g_clear_pointer (&csv_path, g_free);

  csv_path = g_build_filename (dir, "book-汇总.csv", NULL);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (csv, "\n法律咨询(件),13,0,8,,62.5,100,90\n"));
  g_assert_nonnull (strstr (csv, "\n站点指标,当前值(%),目标值(%)"));
  g_clear_pointer (&csv, g_free);
  g_clear_pointer (&csv_path, g_free);

  csv_path = g_build_filename (dir, "book-法律顾问.csv", NULL);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (csv, "\n合计,3,4,38,2,8,50.9,11,\n"));
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("LEGALDESK_LOCALEDIR");

  desk_test_init (&argc, &argv);
  /* errors are checked in Chinese, as a station sees them */
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/xlsx/file-name", test_file_name);
  g_test_add_func ("/xlsx/display-width", test_display_width);
  g_test_add_func ("/xlsx/sheets", test_sheets);
  g_test_add_func ("/xlsx/summary", test_summary_sheet);
  g_test_add_func ("/xlsx/mediation", test_mediation_sheet);
  g_test_add_func ("/xlsx/consultation", test_consultation_sheet);
  g_test_add_func ("/xlsx/screening", test_screening_sheet);
  g_test_add_func ("/xlsx/text-columns", test_text_columns);
  g_test_add_func ("/xlsx/aid-categories", test_aid_category_sheet);
  g_test_add_func ("/xlsx/notes", test_notes_sheet);
  g_test_add_func ("/xlsx/corrected", test_corrected);
  g_test_add_func ("/xlsx/atomic", test_atomic);
  g_test_add_func ("/xlsx/failures", test_failures);
  g_test_add_func ("/xlsx/libreoffice", test_libreoffice);
  return g_test_run ();
}
