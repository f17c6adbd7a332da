/* test-report-cli.c — `legaldesk-cli report` and `explain` as a station
 * runs them: the forms as aligned text in Chinese, the records behind a
 * figure, and what a mistyped sheet, row, column or month says. */
#include "config.h"

#include <string.h>

#include "desk-test-cli.h"
#include "desk-test-util.h"

#define T "'2026-01-01 00:00:00'"

static const char records_sql[] =
  "INSERT INTO villages (id, name, kind, created_at, updated_at) VALUES"
  " (1, '青山村', '村', " T ", " T ");"
  "INSERT INTO committees (id, name, short_name, type_id, village_id, created_at, updated_at)"
  " VALUES (1, '青山村人民调解委员会', '青山村',"
  " (SELECT id FROM codes WHERE kind = 'committee_type' AND label = '村调委会'), 1, "
  T ", " T ");"
  "INSERT INTO mediation_cases (id, number, year, seq, committee_id, accepted_on, source_id,"
  " dispute_type_id, party_count, status, closed_on, agreement_form, agreement_amount,"
  " created_at, updated_at) SELECT column1, column2, 2026, column1, 1, column3,"
  " (SELECT id FROM codes WHERE kind = 'case_source' AND label = column4),"
  " (SELECT id FROM codes WHERE kind = 'dispute_type' AND label = column5), 2, column6,"
  " column7, column8, column9, " T ", " T " FROM (VALUES"
  " (1, '（2026）青山村人调字第1号', '2026-11-03', '当事人申请', '邻里纠纷', '调解成功',"
  "  '2026-11-10', '口头', 50000),"
  " (2, '（2026）青山村人调字第2号', '2026-11-12', '当事人申请', '邻里纠纷', '调解中', NULL,"
  "  NULL, NULL),"
  " (3, '（2026）青山村人调字第3号', '2026-11-20', '法院委托移送', '婚姻家庭纠纷', '调解不成功',"
  "  '2026-11-25', NULL, NULL));"
  /* a consultation dated after today: the checks name it */
  "INSERT INTO staff (id, name, created_at, updated_at) VALUES (1, '赵红', " T ", " T ");"
  "INSERT INTO consultations (id, number, year, seq, at, staff_id, channel_id, companions,"
  " category_id, result_id, created_at, updated_at) VALUES (1, 'ZX2026-0001', 2026, 1,"
  " '2026-12-20 09:00', 1, (SELECT id FROM codes WHERE kind = 'channel' AND label = '来访'), 1,"
  " (SELECT id FROM codes WHERE kind = 'consult_category' AND label = '继承'),"
  " (SELECT id FROM codes WHERE kind = 'consult_result' AND label = '当场解答'), " T ", " T ");";

static char *
make_ledger (const char *name,
             gboolean    named)
{
  char *db = desk_test_path (name);
  g_autoptr(DeskCliResult) r = NULL;

  if (named)
    r = desk_test_run_cli ("init", "--database", db, "--county", "青山县", "--township", "青山镇",
                           "--station", "青山镇司法所", NULL);
  else
    r = desk_test_run_cli ("init", "--database", db, NULL);
  g_assert_cmpint (r->status, ==, 0);
  {
    g_autoptr(DeskStore) store = desk_store_open (db, DESK_STORE_OPEN_NO_CREATE, NULL);

    g_assert_nonnull (store);
    desk_test_exec (store, records_sql);
  }
  return db;
}

/* Terminal columns of a line: Chinese characters take two. */
static int
display_width (const char *line)
{
  int width = 0;

  for (const char *p = line; *p; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

/* The lines of the table whose title ends with @name, up to the blank line
 * after its rows. */
static char **
table_lines (const char *out,
             const char *name)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  gboolean in = FALSE;
  guint blanks = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (!in && g_str_has_suffix (lines[i], name))
        in = TRUE;
      if (!in)
        continue;
      if (*lines[i] == '\0' && ++blanks == 2)
        break;
      g_ptr_array_add (found, g_strdup (lines[i]));
    }
  g_ptr_array_add (found, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&found), FALSE);
}

static void
test_report (void)
{
  g_autofree char *db = make_ledger ("report.db", TRUE);
  g_autoptr(DeskCliResult) r = NULL;
  g_auto(GStrv) sources = NULL;
  const char *const expected[] = {
    "青山县青山镇司法所2026年11月人民调解案件来源统计表",
    "填报单位：青山镇司法所（盖章）  统计期：2026-11-01 至 2026-11-30  计量单位：件",
    "",
    "                       受理          调解成功",
    "案件来源          本月  本年累计  本月  本年累计",
    "------------------------------------------------",
    "当事人申请           2         2     1         1",
    "调委会主动调解       0         0     0         0",
    "法院委托移送         1         1     0         0",
    "检察院委托移送       0         0     0         0",
    "公安机关委托移送     0         0     0         0",
    "信访部门委托移送     0         0     0         0",
    "其他部门委托移送     0         0     0         0",
    "合计                 3         3     1         1",
    NULL
  };

  r = desk_test_run_cli ("report", "--database", db, "--month", "2026-11", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->err, ==, "");

  /* every sheet in order, then 填报说明 and the checks */
  {
    const char *titles[] = { "工作情况汇总表", "站点指标", "人民调解案件统计表",
                             "人民调解案件来源统计表", "人民调解委员会工作统计表",
                             "矛盾纠纷排查及防激化统计表", "法律咨询登记统计表",
                             "法律援助申请受理转交统计表", "法律援助申请人类别统计表",
                             "村(居)法律顾问工作统计表", "填报说明", "导出前检查" };
    const char *at = r->out;

    for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
      {
        const char *next = strstr (at, titles[i]);

        if (next == NULL)
          g_error ("“%s” missing or out of order", titles[i]);
        at = next;
      }
  }

  /* a whole table, aligned for a terminal */
  sources = table_lines (r->out, "人民调解案件来源统计表");
  g_assert_cmpuint (g_strv_length (sources), ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (sources[i], ==, expected[i]);
  for (guint i = 4; i < 14; i++)
    g_assert_cmpint (display_width (sources[i]), ==, display_width (sources[4]));

  g_assert_nonnull (strstr (r->out, "\n邻里纠纷               2"));
  g_assert_nonnull (strstr (r->out, "青山村人民调解委员会  村调委会"));
  g_assert_nonnull (strstr (r->out, "【人民调解】受理："));
  /* the checks name their records */
  g_assert_nonnull (strstr (r->out, "日期晚于今天的记录：请核对日期。（1 条）"));
  g_assert_nonnull (strstr (r->out, "ZX2026-0001  2026-12-20 09:00"));
  g_assert_null (strstr (r->out, "暂不能导出"));
  g_clear_pointer (&r, desk_cli_result_free);

  /* last month by default (today is 2026-12-03 here) */
  r = desk_test_run_cli ("report", "--database", db, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_true (g_str_has_prefix (r->out, "青山县青山镇司法所2026年11月工作情况汇总表\n"));
  g_clear_pointer (&r, desk_cli_result_free);

  r = desk_test_run_cli ("report", "--database", db, "--month", "2026-13", NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_assert_nonnull (strstr (r->err, "“2026-13”不是月份"));
  g_clear_pointer (&r, desk_cli_result_free);

  r = desk_test_run_cli ("report", "--database", db, "extra", NULL);
  g_assert_cmpint (r->status, ==, 2);
}

static void
test_report_unnamed_station (void)
{
  g_autofree char *db = make_ledger ("report-unnamed.db", FALSE);
  g_autoptr(DeskCliResult) r = NULL;

  r = desk_test_run_cli ("report", "--database", db, "--month", "2026-11", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_true (g_str_has_prefix (r->out, "司法所2026年11月工作情况汇总表\n"));
  g_assert_nonnull (strstr (r->out, "暂不能导出统计月报：请先设置本所的县名、乡镇名、站名。"));
}

static void
test_explain (void)
{
  g_autofree char *db = make_ledger ("explain.db", TRUE);
  g_autoptr(DeskCliResult) r = NULL;

  r = desk_test_run_cli ("explain", "--database", db, "--month", "2026-11", "--sheet", "人民调解",
                         "--row", "邻里纠纷", "--column", "受理/本月", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->out, ==,
                   "人民调解 · 邻里纠纷 · 受理/本月：2\n"
                   "（2026）青山村人调字第1号  2026-11-03  "
                   "邻里纠纷 · 青山村人民调解委员会 · 调解成功\n"
                   "（2026）青山村人调字第2号  2026-11-12  "
                   "邻里纠纷 · 青山村人民调解委员会 · 调解中\n"
                   "共 2 条记录。\n");
  g_clear_pointer (&r, desk_cli_result_free);

  /* a sum shows what each record adds */
  r = desk_test_run_cli ("explain", "--database", db, "--month", "2026-11", "--sheet", "人民调解",
                         "--row", "合计", "--column", "协议金额(元)/本月", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_true (g_str_has_prefix (r->out, "人民调解 · 合计 · 协议金额(元)/本月：500.00\n"));
  g_assert_nonnull (strstr (r->out, "调解成功（计 500.00）\n"));
  g_clear_pointer (&r, desk_cli_result_free);

  /* a percentage: the records of its denominator */
  r = desk_test_run_cli ("explain", "--database", db, "--month", "2026-11", "--sheet", "人民调解",
                         "--row", "合计", "--column", "成功率(%)/本月", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_true (g_str_has_prefix (r->out, "人民调解 · 合计 · 成功率(%)/本月：50.0\n"));
  g_assert_nonnull (strstr (r->out, "共 2 条记录。"));
  g_clear_pointer (&r, desk_cli_result_free);

  r = desk_test_run_cli ("explain", "--database", db, "--month", "2026-11", "--sheet", "法律咨询",
                         "--row", "继承", "--column", "咨询(件)/本月", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->out, ==, "法律咨询 · 继承 · 咨询(件)/本月：0\n这个数字没有对应的记录。\n");
  g_clear_pointer (&r, desk_cli_result_free);

  /* mistakes are named with what exists */
  r = desk_test_run_cli ("explain", "--database", db, "--month", "2026-11", "--sheet", "调解",
                         "--row", "邻里纠纷", "--column", "受理/本月", NULL);
  g_assert_cmpint (r->status, ==, 1);
  g_assert_nonnull (strstr (r->err, "错误：没有名为“调解”的表；各表为：汇总、人民调解、调解来源"));
  g_clear_pointer (&r, desk_cli_result_free);

  r = desk_test_run_cli ("explain", "--database", db, "--month", "2026-11", "--sheet", "调委会",
                         "--row", "青山村调委会", "--column", "受理/本月", NULL);
  g_assert_cmpint (r->status, ==, 1);
  g_assert_nonnull (strstr (r->err, "各行为：青山村人民调解委员会、合计"));
  g_clear_pointer (&r, desk_cli_result_free);

  r = desk_test_run_cli ("explain", "--database", db, "--month", "2026-11", "--sheet", "调委会",
                         "--row", "合计", "--column", "受理", NULL);
  g_assert_cmpint (r->status, ==, 1);
  g_assert_nonnull (strstr (r->err, "没有“受理”这一栏；各栏为：类型、受理/本月"));
  g_clear_pointer (&r, desk_cli_result_free);

  r = desk_test_run_cli ("explain", "--database", db, "--month", "2026-11", "--sheet", "人民调解",
                         NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_assert_nonnull (strstr (r->err, "--row"));
  g_clear_pointer (&r, desk_cli_result_free);

  r = desk_test_run_cli ("explain", "--database", db, "--month", "11月", "--sheet", "人民调解",
                         "--row", "合计", "--column", "受理/本月", NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_assert_nonnull (strstr (r->err, "不是月份"));
  g_clear_pointer (&r, desk_cli_result_free);

  r = desk_test_run_cli ("explain", "--database", "/nonexistent/ledger.db", "--sheet", "人民调解",
                         "--row", "合计", "--column", "受理/本月", NULL);
  g_assert_cmpint (r->status, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LEGALDESK_TODAY", "2026-12-03", TRUE);
  desk_test_init (&argc, &argv);

  g_test_add_func ("/report-cli/report", test_report);
  g_test_add_func ("/report-cli/report-unnamed-station", test_report_unnamed_station);
  g_test_add_func ("/report-cli/explain", test_explain);

  return g_test_run ();
}
