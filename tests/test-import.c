/* test-import.c — moving a station's ledgers in from CSV files, and out
 * again: import.md's formats and every one of its "Settled details", the
 * all-or-nothing transaction, re-import, and the round trip export →
 * import into an empty ledger → export that must give the same bytes. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "desk-csv.h"
#include "desk-export-csv.h"
#include "desk-import.h"
#include "desk-test-cli.h"
#include "desk-test-util.h"

/* The registers most record files refer to. */
#define VILLAGES \
  "名称,类型,区划代码\n青山村,村,360426100201\n石桥村,村,\n新街社区,社区,\n"
#define COMMITTEES \
  "名称,简称,类型,村(居)\n" \
  "青山镇人民调解委员会,青山,乡镇调委会,\n" \
  "青山村人民调解委员会,青山村,村调委会,青山村\n"
#define MEDIATORS \
  "姓名,性别,手机,调委会,专兼职\n" \
  "王建华,男,13907981234,青山镇人民调解委员会,专职\n" \
  "李秀英,女,,青山镇人民调解委员会,兼职\n" \
  "张德明,男,,青山村人民调解委员会,兼职\n"
#define ADVISERS \
  "姓名,性别,手机,执业类别,执业机构,执业证号,服务村(居),聘期起,聘期止\n" \
  "刘明,男,13807981111,律师,江西青山律师事务所,13604201810123456,青山村、石桥村,2026-01-01,2026-12-31\n" \
  "陈静,女,13607982222,基层法律服务工作者,青山镇法律服务所,,新街社区,2025-01-01,\n"

#define CONSULT_HEADER \
  "日期时间,渠道,咨询人,证件号码,手机,性别,出生日期,所在村(居),同来人数,咨询类别,咨询内容," \
  "答复意见,处理结果,接待人,编号\n"
#define CASE_HEADER \
  "案号,调委会,受理日期,案件来源,纠纷类型,申请人,被申请人,纠纷简要情况,调解员,状态,结案日期," \
  "协议形式,协议涉及金额,协议内容,履行方式\n"
#define AID_HEADER \
  "登记号,接收日期时间,申请人,证件类型,证件号码,性别,出生日期,民族,人员类别,事项类型,援助事项," \
  "经济困难情形,材料齐全,状态,转交日期,决定日期,决定结果,撤回日期,接收人,案情摘要\n"

static guint dir_counter;

/* A fresh folder holding the registers (unless @bare) and nothing else. */
static char *
new_dir (gboolean bare)
{
  g_autofree char *name = g_strdup_printf ("in-%u", ++dir_counter);
  char *dir = desk_test_path (name);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  if (!bare)
    {
      const char *files[][2] = {
        { "villages.csv", VILLAGES }, { "committees.csv", COMMITTEES },
        { "mediators.csv", MEDIATORS }, { "advisers.csv", ADVISERS },
      };

      for (guint i = 0; i < G_N_ELEMENTS (files); i++)
        {
          g_autofree char *path = g_build_filename (dir, files[i][0], NULL);

          g_assert_true (g_file_set_contents (path, files[i][1], -1, NULL));
        }
    }
  return dir;
}

static char *
put (const char *dir,
     const char *file,
     const char *content)
{
  char *path = g_build_filename (dir, file, NULL);

  g_assert_true (g_file_set_contents (path, content, -1, NULL));
  return path;
}

static DeskStore *
new_store (void)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("import-%u.db", ++counter);

  return desk_test_open_store (name);
}

static DeskImportReport *
import_path (DeskStore  *store,
             const char *path,
             gboolean    dry_run,
             GError    **error)
{
  const char *paths[] = { path, NULL };
  DeskImportOptions options = { dry_run };
  DeskImportReport *report = NULL;

  desk_import_paths (store, paths, &options, &report, error);
  g_assert_nonnull (report);
  if (g_test_verbose ())
    {
      g_autofree char *text = desk_import_report_format (report);

      g_test_message ("%s", text);
    }
  return report;
}

/* Imports @path and asserts that everything went in. */
static DeskImportReport *
import_ok (DeskStore  *store,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  DeskImportReport *report = import_path (store, path, FALSE, &error);

  if (error != NULL)
    {
      g_autofree char *text = desk_import_report_format (report);

      g_printerr ("%s", text);
    }
  g_assert_no_error (error);
  g_assert_true (report->written);
  g_assert_cmpuint (report->problems->len, ==, 0);
  return report;
}

/* Imports @path and asserts that it failed, writing nothing. */
static DeskImportReport *
import_fails (DeskStore  *store,
              const char *path)
{
  g_autoptr(GError) error = NULL;
  gint64 before = desk_store_count_records (store);
  DeskImportReport *report = import_path (store, path, FALSE, &error);

  g_assert_error (error, DESK_IMPORT_ERROR, DESK_IMPORT_ERROR_ROWS);
  g_assert_false (report->written);
  g_assert_cmpuint (report->problems->len, >, 0);
  g_assert_cmpint (desk_store_count_records (store), ==, before);
  return report;
}

static void
dump_problems (const DeskImportReport *report)
{
  g_autofree char *text = desk_import_report_format (report);

  g_printerr ("%s", text);
}

/* Asserts that the report lists a problem in @file (its basename) at
 * @line (0: any), in @column (NULL: any) whose message contains every one
 * of the NULL-terminated fragments. */
static void
assert_problem (const DeskImportReport *report,
                const char             *file,
                guint                   line,
                const char             *column,
                const char             *fragment,
                ...)
{
  for (guint i = 0; i < report->problems->len; i++)
    {
      DeskImportProblem *p = g_ptr_array_index (report->problems, i);
      g_autofree char *base = g_path_get_basename (p->file);
      gboolean all = TRUE;
      const char *f;
      va_list ap;

      if (!g_str_equal (base, file) || (line != 0 && p->line != line) ||
          (column != NULL && g_strcmp0 (p->column, column) != 0))
        continue;
      va_start (ap, fragment);
      for (f = fragment; f != NULL && all; f = va_arg (ap, const char *))
        all = strstr (p->message, f) != NULL;
      va_end (ap);
      if (all)
        return;
    }
  dump_problems (report);
  g_error ("no problem in %s line %u column %s with “%s”", file, line,
           column ? column : "(any)", fragment ? fragment : "");
}

static const DeskImportFile *
file_report (const DeskImportReport *report,
             const char             *file)
{
  for (guint i = 0; i < report->files->len; i++)
    {
      DeskImportFile *f = g_ptr_array_index (report->files, i);
      g_autofree char *base = g_path_get_basename (f->path);

      if (g_str_equal (base, file))
        return f;
    }
  g_error ("no file %s in the report", file);
  return NULL;
}

static void
assert_counts (const DeskImportReport *report,
               const char             *file,
               guint                   added,
               guint                   skipped)
{
  const DeskImportFile *f = file_report (report, file);

  g_assert_cmpuint (f->added, ==, added);
  g_assert_cmpuint (f->skipped, ==, skipped);
}

static gint64
count (DeskStore  *store,
       const char *sql)
{
  return desk_test_query_int (store, sql);
}

static char *
text (DeskStore  *store,
      const char *sql)
{
  return desk_test_query_text (store, sql);
}

/* ------------------------------------------------------------------ */
/* Settled details, one test each                                      */

/* villages.csv, committees.csv and mediators.csv also take optional
 * columns 启用日期 and 停用日期; empty means always. */
static void
test_settled_active_dates (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autofree char *dir = new_dir (TRUE);
  g_autoptr(DeskImportReport) r = NULL;
  g_autofree char *until = NULL;
  g_autofree char *from = NULL;

  g_free (put (dir, "villages.csv",
               "名称,类型,启用日期,停用日期\n青山村,村,,\n老街村,村,2001-01-01,2025年12月31日\n"));
  /* without the columns: always active */
  g_free (put (dir, "committees.csv",
               "名称,简称,类型\n青山镇人民调解委员会,青山,乡镇调委会\n"));
  g_free (put (dir, "mediators.csv",
               "姓名,性别,调委会,专兼职,停用日期\n王建华,男,青山镇人民调解委员会,专职,\n"
               "李秀英,女,青山镇人民调解委员会,兼职,2026-06-30\n"));
  r = import_ok (store, dir);
  assert_counts (r, "villages.csv", 2, 0);
  assert_counts (r, "committees.csv", 1, 0);
  assert_counts (r, "mediators.csv", 2, 0);

  g_assert_cmpint (count (store, "SELECT count (*) FROM villages WHERE active_from IS NULL"
                                 " AND active_until IS NULL"), ==, 1);
  until = text (store, "SELECT active_until FROM villages WHERE name = '老街村'");
  from = text (store, "SELECT active_from FROM villages WHERE name = '老街村'");
  g_assert_cmpstr (until, ==, "2025-12-31");
  g_assert_cmpstr (from, ==, "2001-01-01");
  g_assert_cmpint (count (store, "SELECT count (*) FROM committees WHERE active_from IS NULL"
                                 " AND active_until IS NULL"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count (*) FROM mediators"
                                 " WHERE active_until = '2026-06-30'"), ==, 1);
}

/* 调委会 by 名称; 法律顾问 by 姓名 or 姓名（执业机构）, a bare ambiguous name
 * an error; 调解员 of the case's own committee; 排查人 free text; 接待人 and
 * 接收人 add unknown staff, listed in the report. */
static void
test_settled_references (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autofree char *dir = new_dir (FALSE);
  g_autofree char *bad = new_dir (TRUE);
  g_autofree char *path = NULL;
  g_autoptr(DeskImportReport) r = NULL;
  g_autofree char *screener = NULL;

  g_free (put (dir, "advisers.csv",
               "姓名,性别,手机,执业类别,执业机构,服务村(居),聘期起\n"
               "刘明,男,13807981111,律师,江西青山律师事务所,青山村,2026-01-01\n"
               "刘明,男,13807983333,律师,江西正义律师事务所,石桥村,2026-01-01\n"
               "陈静,女,13607982222,基层法律服务工作者,青山镇法律服务所,新街社区,2025-01-01\n"));
  g_free (put (dir, "adviser_services.csv",
               "日期,法律顾问,村(居),方式,时长\n"
               "2026-03-10,陈静,新街社区,实地,2\n"
               "2026-03-11,刘明（江西青山律师事务所）,青山村,实地,1.5\n"
               "2026-03-12,刘明(江西正义律师事务所),石桥村,远程,1\n"));
  g_free (put (dir, "screenings.csv",
               "日期,调委会,排查人,排查发现纠纷,预防纠纷\n"
               "2026-03-15,青山镇人民调解委员会,王建华、村干部小李,3,2\n"));
  g_free (put (dir, "consultations.csv",
               CONSULT_HEADER
               "2026-03-02 09:15,来访,张桂兰,,,,,,1,赡养抚养,赡养,,当场解答,周敏,\n"
               "2026-03-03 09:15,来访,李四,,,,,,1,赡养抚养,赡养,,当场解答,周敏,\n"));
  g_free (put (dir, "legal_aid.csv",
               AID_HEADER
               ",2026-04-11 09:00,李国强,,,男,,,,民事,其他,,是,已接收,,,,,吴刚,欠薪\n"));
  r = import_ok (store, dir);
  assert_counts (r, "adviser_services.csv", 3, 0);
  g_assert_cmpint (count (store, "SELECT count (*) FROM adviser_services s"
                                 " JOIN advisers a ON a.id = s.adviser_id"
                                 " WHERE a.institution = '江西正义律师事务所'"), ==, 1);
  screener = text (store, "SELECT screener FROM screenings");
  g_assert_cmpstr (screener, ==, "王建华、村干部小李");
  /* the staff list grew by the two names, each listed once */
  g_assert_cmpuint (r->staff_added->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (r->staff_added, 0), ==, "周敏");
  g_assert_cmpstr (g_ptr_array_index (r->staff_added, 1), ==, "吴刚");
  g_assert_cmpint (count (store, "SELECT count (*) FROM staff WHERE active = 1"), ==, 2);
  {
    g_autofree char *report_text = desk_import_report_format (r);

    g_assert_nonnull (strstr (report_text, "周敏、吴刚"));
  }
  g_clear_pointer (&r, desk_import_report_free);

  /* errors: an unknown committee, a bare ambiguous adviser, a mediator of
   * another committee, an unknown adviser */
  path = put (bad, "screenings.csv",
              "日期,调委会,排查人,排查发现纠纷,预防纠纷\n2026-03-15,青山乡调委会,王建华,1,1\n");
  r = import_fails (store, path);
  assert_problem (r, "screenings.csv", 2, "调委会", "青山乡调委会", NULL);
  g_clear_pointer (&r, desk_import_report_free);
  g_free (path);

  path = put (bad, "adviser_services.csv",
              "日期,法律顾问,村(居),方式,时长\n2026-03-11,刘明,青山村,实地,1\n"
              "2026-03-12,刘亮,青山村,实地,1\n");
  r = import_fails (store, path);
  assert_problem (r, "adviser_services.csv", 2, "法律顾问", "江西青山律师事务所",
                  "江西正义律师事务所", NULL);
  assert_problem (r, "adviser_services.csv", 3, "法律顾问", "刘亮", NULL);
  g_clear_pointer (&r, desk_import_report_free);
  g_free (path);

  path = put (bad, "mediation_cases.csv",
              CASE_HEADER
              ",青山村人民调解委员会,2026-04-12,当事人申请,邻里纠纷,甲,乙,界线,王建华,调解中,,,,,\n"
              ",青山村人民调解委员会,2026-04-12,当事人申请,邻里纠纷,甲,乙,界线,张德明、无名氏,"
              "调解中,,,,,\n");
  r = import_fails (store, path);
  assert_problem (r, "mediation_cases.csv", 2, "调解员", "王建华", "青山村人民调解委员会", NULL);
  assert_problem (r, "mediation_cases.csv", 3, "调解员", "无名氏", NULL);
}

/* 编号 ZX{YYYY}-{NNNN}, 登记号 FY{YYYY}-{NNNN}, 案号 （{YYYY}）{简称}人调字第{N}号:
 * a given number of this form is kept (its year the record's), later
 * numbers continue after the highest; another form is an error. */
static void
test_settled_numbers (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autofree char *dir = new_dir (FALSE);
  g_autofree char *bad = new_dir (FALSE);
  g_autoptr(DeskImportReport) r = NULL;
  g_autofree char *n = NULL;

  g_free (put (dir, "consultations.csv",
               CONSULT_HEADER
               "2026-03-01 09:00,来访,甲,,,,,,1,其他,问,,当场解答,周敏,ZX2026-0007\n"
               "2026-03-02 09:00,来访,乙,,,,,,1,其他,问,,当场解答,周敏,\n"
               "2025-03-02 09:00,来访,丙,,,,,,1,其他,问,,当场解答,周敏,\n"));
  g_free (put (dir, "legal_aid.csv",
               AID_HEADER
               "FY2026-0003,2026-04-11 09:00,李国强,,,男,,,,民事,其他,,是,已接收,,,,,吴刚,欠薪\n"
               ",2026-04-12 09:00,王五,,,男,,,,民事,其他,,是,已接收,,,,,吴刚,欠薪\n"));
  g_free (put (dir, "mediation_cases.csv",
               CASE_HEADER
               "（2026）青山人调字第12号,青山镇人民调解委员会,2026-03-05,当事人申请,婚姻家庭纠纷,"
               "甲,乙,赡养,王建华,调解中,,,,,\n"
               ",青山镇人民调解委员会,2026-03-06,当事人申请,婚姻家庭纠纷,丙,丁,赡养,王建华,调解中,,,,,\n"
               ",青山村人民调解委员会,2026-03-06,当事人申请,邻里纠纷,戊,己,界线,张德明,调解中,,,,,\n"));
  r = import_ok (store, dir);

  n = text (store, "SELECT group_concat (number, ' ') FROM"
                   " (SELECT number FROM consultations ORDER BY id)");
  g_assert_cmpstr (n, ==, "ZX2026-0007 ZX2026-0008 ZX2025-0001");
  g_free (n);
  n = text (store, "SELECT group_concat (number, ' ') FROM"
                   " (SELECT number FROM legal_aid ORDER BY id)");
  g_assert_cmpstr (n, ==, "FY2026-0003 FY2026-0004");
  g_free (n);
  n = text (store, "SELECT group_concat (number, ' ') FROM"
                   " (SELECT number FROM mediation_cases ORDER BY id)");
  g_assert_cmpstr (n, ==, "（2026）青山人调字第12号 （2026）青山人调字第13号 "
                          "（2026）青山村人调字第1号");
  g_clear_pointer (&r, desk_import_report_free);

  /* another form, or another year, is an error */
  g_free (put (bad, "consultations.csv",
               CONSULT_HEADER
               "2026-03-01 09:00,来访,甲,,,,,,1,其他,问,,当场解答,周敏,2026-0001\n"
               "2026-03-01 09:00,来访,甲,,,,,,1,其他,问,,当场解答,周敏,ZX2025-0011\n"));
  g_free (put (bad, "legal_aid.csv",
               AID_HEADER
               "FY26-1,2026-04-11 09:00,李国强,,,男,,,,民事,其他,,是,已接收,,,,,吴刚,欠薪\n"));
  g_free (put (bad, "mediation_cases.csv",
               CASE_HEADER
               "(2026)青山人调字第3号,青山镇人民调解委员会,2026-03-05,当事人申请,婚姻家庭纠纷,"
               "甲,乙,赡养,王建华,调解中,,,,,\n"));
  r = import_fails (store, bad);
  assert_problem (r, "consultations.csv", 2, "编号", NULL);
  assert_problem (r, "consultations.csv", 3, "编号", NULL);
  assert_problem (r, "legal_aid.csv", 2, "登记号", NULL);
  assert_problem (r, "mediation_cases.csv", 2, "案号", NULL);
}

/* 申请人 and 被申请人 are lists; an empty 涉及当事人数 counts the parties,
 * 第三人 from mediation_parties.csv included; mediation_parties.csv adds
 * details or a 第三人; 证件类型 统一社会信用代码 makes an organisation. */
static void
test_settled_parties (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autofree char *dir = new_dir (FALSE);
  g_autofree char *bad = new_dir (FALSE);
  g_autoptr(DeskImportReport) r = NULL;
  g_autofree char *s = NULL;

  g_free (put (dir, "mediation_cases.csv",
               "案号,调委会,受理日期,案件来源,纠纷类型,申请人,被申请人,涉及当事人数,纠纷简要情况,"
               "调解员,状态,协议内容,履行方式\n"
               "（2026）青山人调字第1号,青山镇人民调解委员会,2026-03-05,当事人申请,合同纠纷,"
               "张桂兰、李四;王五,青山建筑有限公司,,欠款,王建华,调解中,,\n"
               "（2026）青山人调字第2号,青山镇人民调解委员会,2026-03-06,当事人申请,合同纠纷,"
               "赵六,钱七,40,群体纠纷,王建华、李秀英,调解中,,\n"));
  g_free (put (dir, "mediation_parties.csv",
               "案号,角色,姓名,证件类型,证件号码,手机,性别,出生日期,民族\n"
               "（2026）青山人调字第1号,申请人,张桂兰,,360426196208050029,13970981234,,,\n"
               "（2026）青山人调字第1号,被申请人,青山建筑有限公司,统一社会信用代码,"
               "91360426ma35abcd1y,,,,\n"
               "（2026）青山人调字第1号,第三人,孙八,,,,男,1970-01-02,苗族\n"));
  r = import_ok (store, dir);
  assert_counts (r, "mediation_cases.csv", 2, 0);
  assert_counts (r, "mediation_parties.csv", 3, 0);

  /* three applicants, one respondent, one third party: five */
  g_assert_cmpint (count (store, "SELECT party_count FROM mediation_cases WHERE number ="
                                 " '（2026）青山人调字第1号'"), ==, 5);
  g_assert_cmpint (count (store, "SELECT party_count_manual FROM mediation_cases WHERE number ="
                                 " '（2026）青山人调字第1号'"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count (*) FROM case_parties WHERE role = '申请人'"
                                 " AND case_id = 1"), ==, 3);
  g_assert_cmpint (count (store, "SELECT count (*) FROM case_parties WHERE role = '第三人'"),
                   ==, 1);
  /* a number given by hand */
  g_assert_cmpint (count (store, "SELECT party_count FROM mediation_cases WHERE number ="
                                 " '（2026）青山人调字第2号'"), ==, 40);
  g_assert_cmpint (count (store, "SELECT party_count_manual FROM mediation_cases WHERE number ="
                                 " '（2026）青山人调字第2号'"), ==, 1);
  /* details from mediation_parties.csv */
  s = text (store, "SELECT birth_date || sex || phone FROM people WHERE name = '张桂兰'");
  g_assert_cmpstr (s, ==, "1962-08-05女13970981234");
  g_free (s);
  s = text (store, "SELECT kind || id_type || id_number FROM people"
                   " WHERE name = '青山建筑有限公司'");
  g_assert_cmpstr (s, ==, "org统一社会信用代码91360426MA35ABCD1Y");
  g_free (s);
  s = text (store, "SELECT ethnicity FROM people WHERE name = '孙八'");
  g_assert_cmpstr (s, ==, "苗族");
  g_clear_pointer (&r, desk_import_report_free);

  /* a wrong credit code; a party not on its case; a case not in the file;
   * an organisation with a 性别 */
  g_free (put (bad, "mediation_cases.csv",
               "案号,调委会,受理日期,案件来源,纠纷类型,申请人,被申请人,纠纷简要情况,调解员,状态,"
               "协议内容,履行方式\n"
               "（2026）青山人调字第8号,青山镇人民调解委员会,2026-03-05,当事人申请,合同纠纷,"
               "张三,某公司,欠款,王建华,调解中,,\n"));
  g_free (put (bad, "mediation_parties.csv",
               "案号,角色,姓名,证件类型,证件号码,性别\n"
               "（2026）青山人调字第8号,被申请人,某公司,统一社会信用代码,91360426MA35ABCD1X,\n"
               "（2026）青山人调字第8号,申请人,李四,,,男\n"
               "（2026）青山人调字第9号,第三人,王五,,,\n"));
  r = import_fails (store, bad);
  assert_problem (r, "mediation_parties.csv", 2, "证件号码", NULL);
  g_clear_pointer (&r, desk_import_report_free);

  g_free (put (bad, "mediation_parties.csv",
               "案号,角色,姓名,证件类型,证件号码,性别\n"
               "（2026）青山人调字第8号,被申请人,某公司,统一社会信用代码,91360426MA35ABCD1Y,男\n"
               "（2026）青山人调字第8号,申请人,李四,,,男\n"
               "（2026）青山人调字第9号,第三人,王五,,,\n"));
  r = import_fails (store, bad);
  assert_problem (r, "mediation_parties.csv", 2, "性别", NULL);
  assert_problem (r, "mediation_parties.csv", 3, "姓名", "李四", "申请人", NULL);
  assert_problem (r, "mediation_parties.csv", 4, "案号", "mediation_cases.csv", NULL);
}

/* An empty 咨询人 is an anonymous visitor. */
static void
test_settled_anonymous_visitor (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autofree char *dir = new_dir (FALSE);
  g_autofree char *bad = new_dir (FALSE);
  g_autoptr(DeskImportReport) r = NULL;

  g_free (put (dir, "consultations.csv",
               CONSULT_HEADER
               "2026-03-02 14:30,来电,,,,,,,1,婚姻家庭,彩礼,,当场解答,周敏,\n"));
  r = import_ok (store, dir);
  g_assert_cmpint (count (store, "SELECT count (*) FROM consultations WHERE person_id IS NULL"),
                   ==, 1);
  g_assert_cmpint (count (store, "SELECT count (*) FROM people"), ==, 0);
  g_clear_pointer (&r, desk_import_report_free);

  /* details of nobody cannot be kept */
  g_free (put (bad, "consultations.csv",
               CONSULT_HEADER
               "2026-03-02 14:30,来电,,,13907981234,,,,1,婚姻家庭,彩礼,,当场解答,周敏,\n"));
  r = import_fails (store, bad);
  assert_problem (r, "consultations.csv", 2, "手机", "咨询人", NULL);
}

/* Date-times also as YYYY/M/D H:MM and a date alone; list separators 、 ;
 * ；in list columns only. */
static void
test_settled_datetimes_and_lists (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autofree char *dir = new_dir (FALSE);
  g_autoptr(DeskImportReport) r = NULL;
  g_autofree char *s = NULL;

  g_free (put (dir, "consultations.csv",
               CONSULT_HEADER
               "2026/3/2 9:05,来电,,,,,,,1,婚姻家庭,一,,当场解答,周敏,\n"
               "2026-03-03,来电,,,,,,,1,婚姻家庭,二,,当场解答,周敏,\n"
               "2026年3月4日 16:45,来电,,,,,,,1,婚姻家庭,三,,当场解答,周敏,\n"));
  g_free (put (dir, "mediation_cases.csv",
               CASE_HEADER
               ",青山镇人民调解委员会,2026-03-05,当事人申请,婚姻家庭纠纷,甲、乙;丙；丁,戊,"
               "赡养,王建华；李秀英,调解中,,,,,\n"));
  /* a label with 、 in a single-valued column is never split */
  g_free (put (dir, "legal_aid.csv",
               AID_HEADER
               ",2026-04-11 09:00,张桂兰,,,女,,,农民、残疾人；军人军属,民事,"
               "请求给付赡养费、抚养费、扶养费,,是,已接收,,,,,周敏,赡养\n"));
  r = import_ok (store, dir);
  s = text (store, "SELECT group_concat (at, '|') FROM (SELECT at FROM consultations ORDER BY id)");
  g_assert_cmpstr (s, ==, "2026-03-02 09:05|2026-03-03 00:00|2026-03-04 16:45");
  g_assert_cmpint (count (store, "SELECT count (*) FROM case_parties WHERE role = '申请人'"),
                   ==, 4);
  g_assert_cmpint (count (store, "SELECT count (*) FROM case_mediators"), ==, 2);
  g_assert_cmpint (count (store, "SELECT is_farmer + is_disabled + is_military FROM legal_aid"),
                   ==, 3);
  g_free (s);
  s = text (store, "SELECT c.label FROM legal_aid a JOIN codes c ON c.id = a.matter_id");
  g_assert_cmpstr (s, ==, "请求给付赡养费、抚养费、扶养费");
}

/* 民族 takes full names (汉 alone an error with the suggestion); empty is
 * 汉族 except for 外国人或无国籍人; 证件类型 column; only 居民身份证 and
 * 统一社会信用代码 numbers are checked. */
static void
test_settled_ethnicity_and_id_type (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autofree char *dir = new_dir (FALSE);
  g_autofree char *bad = new_dir (FALSE);
  g_autoptr(DeskImportReport) r = NULL;
  g_autofree char *s = NULL;

  g_free (put (dir, "legal_aid.csv",
               AID_HEADER
               ",2026-04-11 09:00,甲,,,男,,,,民事,其他,,是,已接收,,,,,周敏,一\n"
               ",2026-04-11 10:00,乙,,,女,,苗族,,民事,其他,,是,已接收,,,,,周敏,二\n"
               ",2026-04-11 11:00,约翰,护照,e-123 45,男,,,外国人或无国籍人,民事,其他,,是,已接收,"
               ",,,,周敏,三\n"
               ",2026-04-11 12:00,丙,其他,随便写的号码,男,,,,民事,其他,,是,已接收,,,,,周敏,四\n"
               ",2026-04-11 13:00,丁,,15022519880808038x,,,,,民事,其他,,是,已接收,,,,,周敏,五\n"));
  r = import_ok (store, dir);
  /* Stored empty, an empty 民族 counts as 汉族 for a citizen and as
   * unknown for a foreigner (desk_ethnicity_effective). */
  s = text (store, "SELECT group_concat (coalesce (ethnicity, CASE WHEN is_foreigner THEN '-'"
                   " ELSE '汉族' END), '|') FROM (SELECT ethnicity, is_foreigner FROM legal_aid"
                   " ORDER BY id)");
  g_assert_cmpstr (s, ==, "汉族|苗族|-|汉族|汉族");
  g_free (s);
  s = text (store, "SELECT count(*) FROM legal_aid WHERE ethnicity = '汉族'");
  g_assert_cmpstr (s, ==, "0");
  g_free (s);
  s = text (store, "SELECT id_type FROM people WHERE name = '约翰'");
  g_assert_cmpstr (s, ==, "护照");
  g_free (s);
  s = text (store, "SELECT id_type || id_number FROM people WHERE name = '丙'");
  g_assert_cmpstr (s, ==, "其他随便写的号码");
  g_free (s);
  /* an 18-digit number: checked, upper-cased X; 性别 and 出生日期 from it */
  s = text (store, "SELECT id_number || sex || birth_date FROM people WHERE name = '丁'");
  g_assert_cmpstr (s, ==, "15022519880808038X女1988-08-08");
  g_clear_pointer (&r, desk_import_report_free);

  g_free (put (bad, "legal_aid.csv",
               AID_HEADER
               ",2026-04-11 09:00,甲,,,男,,汉,,民事,其他,,是,已接收,,,,,周敏,一\n"
               ",2026-04-11 09:00,乙,,360426199101010072,男,,,,民事,其他,,是,已接收,,,,,周敏,二\n"
               ",2026-04-11 09:00,丙,驾驶证,123,男,,,,民事,其他,,是,已接收,,,,,周敏,三\n"));
  r = import_fails (store, bad);
  assert_problem (r, "legal_aid.csv", 2, "民族", "汉族", NULL);
  assert_problem (r, "legal_aid.csv", 3, "证件号码", NULL);
  assert_problem (r, "legal_aid.csv", 4, "证件类型", "驾驶证", NULL);
}

/* A person is created from the first row that names them and updated with
 * later non-empty values; a record keeps its own copy of what figures
 * count. */
static void
test_settled_person_register (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autofree char *dir = new_dir (FALSE);
  g_autoptr(DeskImportReport) r = NULL;
  g_autofree char *s = NULL;

  g_free (put (dir, "consultations.csv",
               CONSULT_HEADER
               "2026-03-02 09:00,来访,李国强,,13807985555,,,石桥村,1,劳动报酬,欠薪,,当场解答,周敏,\n"
               "2026-03-05 09:00,来访,李国强,360426199011200058,13807985555,,,,1,劳动报酬,欠薪,,"
               "当场解答,周敏,\n"
               "2026-03-06 09:00,来访,李国强,,,,,,1,劳动报酬,欠薪,,当场解答,周敏,\n"));
  g_free (put (dir, "legal_aid.csv",
               AID_HEADER
               ",2026-04-11 09:00,李国强,,360426199011200058,男,,,农民工,民事,其他,,是,已接收,"
               ",,,,周敏,欠薪\n"
               ",2026-05-11 09:00,李国强,,360426199011200058,男,,,,民事,其他,,是,已接收,"
               ",,,,周敏,欠薪\n"));
  r = import_ok (store, dir);
  /* one person for the first two rows (phone + name, then ID number);
   * the third row names nobody that can be matched: a person of its own */
  g_assert_cmpint (count (store, "SELECT count (*) FROM people WHERE name = '李国强'"), ==, 2);
  s = text (store, "SELECT id_number || phone || birth_date FROM people WHERE name = '李国强'"
                   " ORDER BY id LIMIT 1");
  g_assert_cmpstr (s, ==, "36042619901120005813807985555" "1990-11-20");
  /* each application keeps the flags of its own row */
  g_assert_cmpint (count (store, "SELECT count (*) FROM legal_aid"), ==, 2);
  g_assert_cmpint (count (store, "SELECT is_migrant_worker FROM legal_aid ORDER BY id LIMIT 1"),
                   ==, 1);
  g_assert_cmpint (count (store, "SELECT is_migrant_worker FROM legal_aid ORDER BY id DESC"
                                 " LIMIT 1"), ==, 0);
}

/* Money: 1234.56, 1,234.56, ¥1234.56, 1234.56元; more than two decimals, a
 * negative amount or full-width digits are errors. */
static void
test_settled_money (void)
{
  const char *good[][2] = {
    { "1234.56", "123456" }, { "\"1,234.56\"", "123456" }, { "¥1234.56", "123456" },
    { "1234.56元", "123456" }, { "80", "8000" }, { "0.5", "50" },
  };
  const char *bad_amounts[] = { "1234.567", "-5", "１２３", "十元" };
  g_autoptr(DeskStore) store = new_store ();
  g_autofree char *dir = new_dir (FALSE);
  g_autofree char *bad = new_dir (FALSE);
  g_autoptr(GString) rows = g_string_new (CASE_HEADER);
  g_autoptr(DeskImportReport) r = NULL;
  g_autofree char *s = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_string_append_printf (rows, ",青山镇人民调解委员会,2026-03-%02u,当事人申请,合同纠纷,甲,乙,欠款,"
                            "王建华,调解成功,2026-03-20,书面,%s,还款,转账\n", i + 1, good[i][0]);
  g_free (put (dir, "mediation_cases.csv", rows->str));
  r = import_ok (store, dir);
  s = text (store, "SELECT group_concat (agreement_amount, ' ') FROM"
                   " (SELECT agreement_amount FROM mediation_cases ORDER BY id)");
  g_assert_cmpstr (s, ==, "123456 123456 123456 123456 8000 50");
  g_clear_pointer (&r, desk_import_report_free);

  g_string_assign (rows, CASE_HEADER);
  for (guint i = 0; i < G_N_ELEMENTS (bad_amounts); i++)
    g_string_append_printf (rows, ",青山镇人民调解委员会,2026-03-05,当事人申请,合同纠纷,甲,乙,欠款,"
                            "王建华,调解成功,2026-03-20,书面,%s,还款,转账\n", bad_amounts[i]);
  g_free (put (bad, "mediation_cases.csv", rows->str));
  r = import_fails (store, bad);
  for (guint i = 0; i < G_N_ELEMENTS (bad_amounts); i++)
    assert_problem (r, "mediation_cases.csv", i + 2, "协议涉及金额", NULL);
}

/* 同来人数 counts the visitor too: at least 1. */
static void
test_settled_companions (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autofree char *dir = new_dir (FALSE);
  g_autofree char *bad = new_dir (FALSE);
  g_autoptr(DeskImportReport) r = NULL;
  g_autofree char *s = NULL;

  g_free (put (dir, "consultations.csv",
               CONSULT_HEADER
               "2026-03-02 09:00,来访,甲,,,,,,,婚姻家庭,一,,当场解答,周敏,\n"
               "2026-03-02 10:00,来访,乙,,,,,,4,婚姻家庭,二,,当场解答,周敏,\n"));
  r = import_ok (store, dir);
  s = text (store, "SELECT group_concat (companions) FROM (SELECT companions FROM consultations"
                   " ORDER BY id)");
  g_assert_cmpstr (s, ==, "1,4");
  g_clear_pointer (&r, desk_import_report_free);

  g_free (put (bad, "consultations.csv",
               CONSULT_HEADER
               "2026-03-02 09:00,来访,甲,,,,,,0,婚姻家庭,一,,当场解答,周敏,\n"
               "2026-03-02 09:00,来访,甲,,,,,,两人,婚姻家庭,一,,当场解答,周敏,\n"));
  r = import_fails (store, bad);
  assert_problem (r, "consultations.csv", 2, "同来人数", "1", NULL);
  assert_problem (r, "consultations.csv", 3, "同来人数", "两人", NULL);
}

/* 经济困难情形 labels as in domain.md without the part in parentheses. */
static void
test_settled_hardship_labels (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autofree char *dir = new_dir (FALSE);
  g_autofree char *bad = new_dir (FALSE);
  g_autoptr(DeskImportReport) r = NULL;
  g_autofree char *s = NULL;

  g_free (put (dir, "legal_aid.csv",
               AID_HEADER
               ",2026-04-11 09:00,甲,,,男,,,,民事,其他,免予核查,是,已接收,,,,,周敏,一\n"));
  r = import_ok (store, dir);
  s = text (store, "SELECT c.label FROM legal_aid a JOIN codes c ON c.id = a.hardship_id");
  g_assert_cmpstr (s, ==, "免予核查");
  g_clear_pointer (&r, desk_import_report_free);

  g_free (put (bad, "legal_aid.csv",
               AID_HEADER
               ",2026-04-11 09:00,甲,,,男,,,,民事,其他,免予核查（法律援助法第四十二条）,是,已接收,,,,,"
               "周敏,一\n"));
  r = import_fails (store, bad);
  assert_problem (r, "legal_aid.csv", 2, "经济困难情形", "免予核查", NULL);
}

/* Status and dates must agree, or the row is an error that says which. */
static void
test_settled_status_and_dates (void)
{
  static const struct { const char *row; const char *column; } cases[] = {
    /* a closed status without 结案日期 */
    { "调解成功,,书面,100", "结案日期" },
    /* 结案日期 on an open case */
    { "调解中,2026-03-20,,", "结案日期" },
    /* 协议形式 only on 调解成功 */
    { "调解不成功,2026-03-20,口头,", "协议形式" },
  };
  static const struct { const char *row; const char *column; } aids[] = {
    /* 已转交 needs 转交日期 */
    { "已转交,,,,", "转交日期" },
    /* a decision needs its date and result, matching it */
    { "决定给予,2026-04-12,,,", "决定日期" },
    { "决定给予,2026-04-12,2026-04-20,不予,", "决定结果" },
    { "已指派,2026-04-12,2026-04-20,不予,", "决定结果" },
    /* 撤回日期 exactly on 申请人撤回 */
    { "申请人撤回,,,,", "撤回日期" },
    { "已接收,,,,2026-04-12", "撤回日期" },
    /* no status date before the receipt */
    { "已转交,2026-04-01,,,", "转交日期" },
  };
  g_autoptr(DeskStore) store = new_store ();
  g_autofree char *good = new_dir (FALSE);
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autoptr(DeskImportReport) r = NULL;

  /* what agrees goes in: 已终止 may follow either decision */
  g_string_assign (rows, "登记号,接收日期时间,申请人,性别,事项类型,援助事项,材料齐全,状态,转交日期,"
                         "决定日期,决定结果,撤回日期,接收人,案情摘要\n");
  g_string_append (rows, ",2026-04-11 09:00,甲,男,民事,其他,是,已终止,2026-04-12,2026-04-20,不予,,"
                         "周敏,一\n");
  g_string_append (rows, ",2026-04-11 09:00,乙,男,民事,其他,是,已终止,2026-04-12,2026-04-20,给予,,"
                         "周敏,二\n");
  g_string_append (rows, ",2026-04-11 09:00,丙,男,民事,其他,是,已结案,2026-04-12,2026-04-20,给予,,"
                         "周敏,三\n");
  g_string_append (rows, ",2026-04-11 09:00,丁,男,民事,其他,是,申请人撤回,,,,2026-04-11,周敏,四\n");
  g_free (put (good, "legal_aid.csv", rows->str));
  r = import_ok (store, good);
  assert_counts (r, "legal_aid.csv", 4, 0);
  g_clear_pointer (&r, desk_import_report_free);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = new_dir (FALSE);

      g_string_printf (rows, "调委会,受理日期,案件来源,纠纷类型,申请人,纠纷简要情况,调解员,状态,"
                             "结案日期,协议形式,协议涉及金额,协议内容,履行方式\n"
                             "青山镇人民调解委员会,2026-03-05,当事人申请,合同纠纷,甲,欠款,王建华,%s,,\n",
                       cases[i].row);
      g_free (put (dir, "mediation_cases.csv", rows->str));
      r = import_fails (store, dir);
      assert_problem (r, "mediation_cases.csv", 2, cases[i].column, NULL);
      g_clear_pointer (&r, desk_import_report_free);
    }
  for (guint i = 0; i < G_N_ELEMENTS (aids); i++)
    {
      g_autofree char *dir = new_dir (FALSE);

      g_string_printf (rows, "接收日期时间,申请人,性别,事项类型,援助事项,材料齐全,状态,转交日期,"
                             "决定日期,决定结果,撤回日期,接收人,案情摘要\n"
                             "2026-04-11 09:00,甲,男,民事,其他,是,%s,周敏,一\n", aids[i].row);
      g_free (put (dir, "legal_aid.csv", rows->str));
      r = import_fails (store, dir);
      assert_problem (r, "legal_aid.csv", 2, aids[i].column, NULL);
      g_clear_pointer (&r, desk_import_report_free);
    }

  /* 结案日期 before 受理日期 */
  {
    g_autofree char *dir = new_dir (FALSE);

    g_free (put (dir, "mediation_cases.csv",
                 CASE_HEADER
                 ",青山镇人民调解委员会,2026-03-05,当事人申请,合同纠纷,甲,乙,欠款,王建华,调解不成功,"
                 "2026-03-01,,,,\n"));
    r = import_fails (store, dir);
    assert_problem (r, "mediation_cases.csv", 2, "结案日期", NULL);
  }
}

/* No date may lie after today (LEGALDESK_TODAY). */
static void
test_settled_no_future_dates (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autofree char *dir = new_dir (FALSE);
  g_autofree char *ok_dir = new_dir (FALSE);
  g_autoptr(DeskImportReport) r = NULL;

  g_assert_cmpstr (g_getenv ("LEGALDESK_TODAY"), ==, "2026-11-23");
  g_free (put (dir, "consultations.csv",
               CONSULT_HEADER
               "2026-11-24 09:00,来访,甲,,,,,,1,婚姻家庭,一,,当场解答,周敏,\n"
               "2026-11-23 09:00,来访,乙,,,,2026-12-01,,1,婚姻家庭,二,,当场解答,周敏,\n"));
  g_free (put (dir, "screenings.csv",
               "日期,调委会,排查人,排查发现纠纷,预防纠纷\n2027/1/1,青山镇人民调解委员会,甲,0,0\n"));
  r = import_fails (store, dir);
  assert_problem (r, "consultations.csv", 2, "日期时间", "2026-11-23", NULL);
  assert_problem (r, "consultations.csv", 3, "出生日期", NULL);
  assert_problem (r, "screenings.csv", 2, "日期", NULL);
  g_clear_pointer (&r, desk_import_report_free);

  /* today itself is fine; a 聘期 may run on past today */
  g_free (put (ok_dir, "consultations.csv",
               CONSULT_HEADER "2026-11-23 17:59,来访,甲,,,,,,1,婚姻家庭,一,,当场解答,周敏,\n"));
  r = import_ok (store, ok_dir);
  g_assert_cmpint (count (store, "SELECT count (*) FROM advisers WHERE term_until = '2026-12-31'"),
                   ==, 1);
}

/* ------------------------------------------------------------------ */
/* The files                                                           */

static void
test_dates_three_forms (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autofree char *dir = new_dir (FALSE);
  g_autofree char *bad = new_dir (FALSE);
  g_autoptr(DeskImportReport) r = NULL;
  g_autofree char *s = NULL;

  g_free (put (dir, "screenings.csv",
               "日期,调委会,排查人,排查发现纠纷,预防纠纷\n"
               "2026-03-05,青山镇人民调解委员会,甲,0,0\n"
               "2026/3/6,青山镇人民调解委员会,甲,0,0\n"
               "2026年3月7日,青山镇人民调解委员会,甲,0,0\n"));
  r = import_ok (store, dir);
  s = text (store, "SELECT group_concat (date, ' ') FROM"
                   " (SELECT screened_on AS date FROM screenings ORDER BY id)");
  g_assert_cmpstr (s, ==, "2026-03-05 2026-03-06 2026-03-07");
  g_clear_pointer (&r, desk_import_report_free);

  /* a date without its year, or no date at all */
  g_free (put (bad, "screenings.csv",
               "日期,调委会,排查人,排查发现纠纷,预防纠纷\n"
               "3-15,青山镇人民调解委员会,甲,0,0\n"
               "2026-02-30,青山镇人民调解委员会,甲,0,0\n"
               ",青山镇人民调解委员会,甲,0,0\n"));
  r = import_fails (store, bad);
  assert_problem (r, "screenings.csv", 2, "日期", "3-15", NULL);
  assert_problem (r, "screenings.csv", 3, "日期", "2026-02-30", NULL);
  assert_problem (r, "screenings.csv", 4, "日期", NULL);
}

/* One bad row: nothing is written, and the report names its line and
 * column. */
static void
test_bad_row_writes_nothing (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autofree char *dir = new_dir (FALSE);
  g_autoptr(DeskImportReport) r = NULL;
  g_autofree char *report_text = NULL;

  g_free (put (dir, "consultations.csv",
               CONSULT_HEADER
               "2026-03-02 09:00,来访,甲,,,,,,1,婚姻家庭,一,,当场解答,周敏,\n"
               "2026-03-02 10:00,来访,乙,,,,,,1,婚姻家庭,\"二\n二\",,当场解答,周敏,\n"
               "2026-03-02 11:00,来访,丙,360426199101010072,,,,,1,婚姻家庭,三,,当场解答,周敏,\n"
               "2026-03-02 12:00,来访,丁,,,,,,1,婚姻家庭,四,,当场解答,周敏,\n"));
  r = import_fails (store, dir);
  g_assert_cmpuint (r->problems->len, ==, 1);
  /* the quoted line break puts 丙 on line 5 of the file */
  assert_problem (r, "consultations.csv", 5, "证件号码", NULL);
  /* counted as they would have gone */
  assert_counts (r, "villages.csv", 3, 0);
  assert_counts (r, "consultations.csv", 3, 0);
  g_assert_cmpint (count (store, "SELECT count (*) FROM villages"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count (*) FROM consultations"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count (*) FROM staff"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count (*) FROM people"), ==, 0);

  report_text = desk_import_report_format (r);
  g_assert_nonnull (strstr (report_text, "第5行"));
  g_assert_nonnull (strstr (report_text, "证件号码"));
  g_assert_nonnull (strstr (report_text, "未导入"));
}

/* A row with more or fewer cells than the header is named by its line. */
static void
test_ragged_row (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autofree char *dir = new_dir (FALSE);
  g_autoptr(DeskImportReport) r = NULL;

  g_free (put (dir, "screenings.csv",
               "日期,调委会,排查人,排查发现纠纷,预防纠纷\n"
               "2026-03-15,青山镇人民调解委员会,甲,1,1\n"
               "2026-03-16,青山镇人民调解委员会,\"甲,\n乙\",1,1,多出的一格\n"));
  r = import_fails (store, dir);
  assert_problem (r, "screenings.csv", 3, NULL, "6", "5", NULL);
  /* the other files were still checked and counted */
  assert_counts (r, "villages.csv", 3, 0);
}

static void
test_dry_run (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autofree char *dir = new_dir (FALSE);
  g_autoptr(DeskImportReport) r = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report_text = NULL;

  g_free (put (dir, "consultations.csv",
               CONSULT_HEADER "2026-03-02 09:00,来访,甲,,,,,,1,婚姻家庭,一,,当场解答,周敏,\n"));
  r = import_path (store, dir, TRUE, &error);
  g_assert_no_error (error);
  g_assert_false (r->written);
  assert_counts (r, "consultations.csv", 1, 0);
  g_assert_cmpuint (r->staff_added->len, ==, 1);
  g_assert_cmpint (desk_store_count_records (store), ==, 0);
  g_assert_cmpint (count (store, "SELECT count (*) FROM staff"), ==, 0);
  report_text = desk_import_report_format (r);
  g_assert_nonnull (strstr (report_text, "未写入"));
}

static void
test_gb18030 (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autofree char *dir = new_dir (TRUE);
  g_autofree char *path = g_build_filename (dir, "villages.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskImportReport) r = NULL;
  g_autofree char *gb = NULL;
  g_autofree char *name = NULL;
  gsize len = 0;

  /* what Excel on Chinese Windows saves as "CSV (comma delimited)" */
  gb = g_convert ("名称,类型,区划代码\r\n青山村,村,360426100201\r\n\"新街社区\",社区,\r\n", -1,
                  "GB18030", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, gb, len, NULL));
  r = import_ok (store, dir);
  g_assert_cmpstr (file_report (r, "villages.csv")->encoding, ==, "GB18030");
  name = text (store, "SELECT name FROM villages WHERE kind = '社区'");
  g_assert_cmpstr (name, ==, "新街社区");
  g_clear_pointer (&r, desk_import_report_free);

  /* the whole fixture set saved by a Chinese Excel gives the same ledger */
  {
    g_autofree char *fixtures = g_test_build_filename (G_TEST_DIST, "fixtures", "import", NULL);
    g_autofree char *gbdir = desk_test_path ("gb18030-fixtures");
    g_autofree char *out_utf8 = desk_test_path ("gb18030-out-utf8");
    g_autofree char *out_gb = desk_test_path ("gb18030-out-gb");
    g_autoptr(DeskStore) utf8_store = new_store ();
    g_autoptr(DeskStore) gb_store = new_store ();
    g_autoptr(GDir) d = g_dir_open (fixtures, 0, NULL);
    const char *file;

    g_assert_cmpint (g_mkdir_with_parents (gbdir, 0700), ==, 0);
    while ((file = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *src = g_build_filename (fixtures, file, NULL);
        g_autofree char *dst = g_build_filename (gbdir, file, NULL);
        g_autofree char *utf8 = NULL;
        g_autofree char *bytes = NULL;
        gsize n = 0;

        g_assert_true (g_file_get_contents (src, &utf8, NULL, NULL));
        bytes = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &n, NULL);
        g_assert_nonnull (bytes);
        g_assert_true (g_file_set_contents (dst, bytes, n, NULL));
      }
    g_clear_pointer (&r, desk_import_report_free);
    r = import_ok (gb_store, gbdir);
    g_assert_cmpstr (file_report (r, "legal_aid.csv")->encoding, ==, "GB18030");
    g_clear_pointer (&r, desk_import_report_free);
    r = import_ok (utf8_store, fixtures);
    g_assert_true (desk_export_csv (gb_store, out_gb, NULL));
    g_assert_true (desk_export_csv (utf8_store, out_utf8, NULL));
    for (DeskCsvKind k = 0; k < DESK_CSV_N_KINDS; k++)
      {
        g_autofree char *a = g_build_filename (out_gb, desk_csv_kind_file_name (k), NULL);
        g_autofree char *b = g_build_filename (out_utf8, desk_csv_kind_file_name (k), NULL);
        g_autofree char *da = NULL;
        g_autofree char *db = NULL;

        g_assert_true (g_file_get_contents (a, &da, NULL, NULL));
        g_assert_true (g_file_get_contents (b, &db, NULL, NULL));
        g_assert_cmpstr (da, ==, db);
      }
    g_clear_pointer (&r, desk_import_report_free);
  }

  /* bytes valid in neither: the line is named */
  g_assert_true (g_file_set_contents (path, "名称,类型\n青山村,村\n\xff\xfe\xff,村\n", -1, NULL));
  r = import_fails (store, dir);
  assert_problem (r, "villages.csv", 3, NULL, "GB18030", NULL);
}

/* Importing the same files again adds nothing and says so. */
static void
test_reimport_skips (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autofree char *fixtures = g_test_build_filename (G_TEST_DIST, "fixtures", "import", NULL);
  g_autoptr(DeskImportReport) r = NULL;
  gint64 records;

  r = import_ok (store, fixtures);
  records = desk_store_count_records (store);
  g_clear_pointer (&r, desk_import_report_free);

  r = import_ok (store, fixtures);
  g_assert_cmpint (desk_store_count_records (store), ==, records);
  for (guint i = 0; i < r->files->len; i++)
    {
      DeskImportFile *f = g_ptr_array_index (r->files, i);

      g_assert_cmpuint (f->added, ==, 0);
      g_assert_cmpuint (f->skipped, ==, f->rows);
    }
  assert_counts (r, "consultations.csv", 0, 6);
  g_assert_cmpuint (r->staff_added->len, ==, 0);
}

/* Two identical rows are two records (two anonymous calls in one minute);
 * a repeat import adds none, a file with one more adds one. */
static void
test_identical_rows (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autofree char *dir = new_dir (FALSE);
  g_autofree char *more = new_dir (FALSE);
  g_autoptr(DeskImportReport) r = NULL;
  const char *call = "2026-03-02 14:30,来电,,,,,,,1,婚姻家庭,彩礼,,当场解答,周敏,\n";
  g_autofree char *two = g_strconcat (CONSULT_HEADER, call, call, NULL);
  g_autofree char *three = g_strconcat (CONSULT_HEADER, call, call, call, NULL);

  g_free (put (dir, "consultations.csv", two));
  g_free (put (dir, "screenings.csv",
               "日期,调委会,排查人,排查发现纠纷,预防纠纷\n2026-03-15,青山镇人民调解委员会,甲,1,1\n"
               "2026-03-15,青山镇人民调解委员会,甲,1,1\n"));
  r = import_ok (store, dir);
  assert_counts (r, "consultations.csv", 2, 0);
  assert_counts (r, "screenings.csv", 2, 0);
  g_clear_pointer (&r, desk_import_report_free);

  r = import_ok (store, dir);
  assert_counts (r, "consultations.csv", 0, 2);
  assert_counts (r, "screenings.csv", 0, 2);
  assert_counts (r, "villages.csv", 0, 3);
  g_clear_pointer (&r, desk_import_report_free);
  g_assert_cmpint (count (store, "SELECT count (*) FROM consultations"), ==, 2);

  g_free (put (more, "consultations.csv", three));
  r = import_ok (store, more);
  assert_counts (r, "consultations.csv", 1, 2);
  g_assert_cmpint (count (store, "SELECT count (*) FROM consultations"), ==, 3);
}

/* A given number already used by a different record is an error that
 * shows both; the same record again is skipped. */
static void
test_number_conflict (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autofree char *dir = new_dir (FALSE);
  g_autofree char *again = new_dir (FALSE);
  g_autoptr(DeskImportReport) r = NULL;

  g_free (put (dir, "consultations.csv",
               CONSULT_HEADER
               "2026-03-02 09:00,来访,张三,,,,,,1,婚姻家庭,离婚,,当场解答,周敏,ZX2026-0005\n"));
  g_free (put (dir, "legal_aid.csv",
               AID_HEADER
               "FY2026-0002,2026-04-11 09:00,李国强,,,男,,,,民事,其他,,是,已接收,,,,,吴刚,欠薪\n"));
  r = import_ok (store, dir);
  g_clear_pointer (&r, desk_import_report_free);

  g_free (put (again, "consultations.csv",
               CONSULT_HEADER
               "2026-03-02 09:00,来访,张三,,,,,,1,婚姻家庭,离婚,,当场解答,周敏,ZX2026-0005\n"
               "2026-03-02 09:00,来访,李四,,,,,,1,婚姻家庭,离婚,,当场解答,周敏,ZX2026-0005\n"));
  g_free (put (again, "legal_aid.csv",
               AID_HEADER
               "FY2026-0002,2026-04-11 09:00,李国强,,,男,,,,民事,其他,,是,已接收,,,,,吴刚,欠款\n"));
  r = import_fails (store, again);
  g_assert_cmpuint (r->problems->len, ==, 2);
  assert_problem (r, "consultations.csv", 3, "编号", "ZX2026-0005", "咨询人", "张三", "李四", NULL);
  assert_problem (r, "legal_aid.csv", 2, "登记号", "FY2026-0002", "案情摘要", "欠薪", "欠款",
                  NULL);
  /* the identical row was skipped, not an error */
  assert_counts (r, "consultations.csv", 0, 1);
}

static void
test_unknown_header (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autofree char *dir = new_dir (TRUE);
  g_autoptr(DeskImportReport) r = NULL;

  g_free (put (dir, "villages.csv", "名称,类形,区划代码\n青山村,村,\n"));
  r = import_fails (store, dir);
  assert_problem (r, "villages.csv", 1, "类形", "名称", "类型", NULL);
  /* and 类型 is missing too */
  assert_problem (r, "villages.csv", 1, "类型", NULL);
}

static void
test_missing_column (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autofree char *dir = new_dir (FALSE);
  g_autoptr(DeskImportReport) r = NULL;

  /* headers in any order, optional ones left out; a required one missing */
  g_free (put (dir, "screenings.csv",
               "预防纠纷,调委会,日期,排查发现纠纷\n1,青山镇人民调解委员会,2026-03-15,2\n"));
  r = import_fails (store, dir);
  assert_problem (r, "screenings.csv", 1, "排查人", NULL);
  g_assert_cmpuint (r->problems->len, ==, 1);
}

static void
test_unknown_label (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autofree char *dir = new_dir (FALSE);
  g_autoptr(DeskImportReport) r = NULL;

  g_free (put (dir, "consultations.csv",
               CONSULT_HEADER
               "2026-03-02 09:00,来访,甲,,,,,,1,婚姻家庭纠纷,一,,当场解答,周敏,\n"
               "2026-03-02 09:00,来访问,甲,,,,,,1,婚姻家庭,一,,当场答复,周敏,\n"));
  r = import_fails (store, dir);
  assert_problem (r, "consultations.csv", 2, "咨询类别", "婚姻家庭纠纷", "婚姻家庭", NULL);
  assert_problem (r, "consultations.csv", 3, "渠道", "来访", NULL);
  assert_problem (r, "consultations.csv", 3, "处理结果", "当场解答", NULL);
}

/* A text cell protected against spreadsheet formulas comes back as typed. */
static void
test_formula_escapes (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autofree char *dir = new_dir (FALSE);
  g_autofree char *out = desk_test_path ("formula-out");
  g_autofree char *path = NULL;
  g_autoptr(DeskImportReport) r = NULL;
  g_autofree char *s = NULL;
  g_autofree char *data = NULL;

  g_free (put (dir, "consultations.csv",
               CONSULT_HEADER
               "2026-03-02 09:00,来访,甲,,,,,,1,婚姻家庭,'=SUM(A1),'-3,当场解答,周敏,\n"
               "2026-03-02 10:00,来访,乙,,,,,,1,婚姻家庭,@某人,'普通,当场解答,周敏,\n"));
  r = import_ok (store, dir);
  s = text (store, "SELECT group_concat (content || '|' || reply, ' ') FROM"
                   " (SELECT content, reply FROM consultations ORDER BY id)");
  g_assert_cmpstr (s, ==, "=SUM(A1)|-3 @某人|'普通");

  g_assert_true (desk_export_csv (store, out, NULL));
  path = g_build_filename (out, "consultations.csv", NULL);
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_nonnull (strstr (data, ",'=SUM(A1),'-3,"));
  g_assert_nonnull (strstr (data, ",'@某人,'普通,"));
  /* a number cell is never escaped */
  g_assert_nonnull (strstr (data, ",1,婚姻家庭,"));
}

static void
test_file_names (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autofree char *dir = new_dir (TRUE);
  g_autofree char *upper = NULL;
  g_autofree char *missing = desk_test_path ("no-such-folder");
  g_autoptr(DeskImportReport) r = NULL;
  g_autoptr(GError) error = NULL;

  /* Windows does not keep the case of names */
  upper = put (dir, "Villages.CSV", VILLAGES);
  r = import_ok (store, upper);
  assert_counts (r, "Villages.CSV", 3, 0);
  g_clear_pointer (&r, desk_import_report_free);

  g_free (put (dir, "consultation.csv", CONSULT_HEADER));
  r = import_fails (store, dir);
  assert_problem (r, "consultation.csv", 0, NULL, "consultations.csv", NULL);
  g_clear_pointer (&r, desk_import_report_free);

  r = import_path (store, missing, FALSE, &error);
  g_assert_error (error, DESK_IMPORT_ERROR, DESK_IMPORT_ERROR_ROWS);
  assert_problem (r, "no-such-folder", 0, NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* The round trip                                                      */

static GHashTable *
read_dir (const char *dir)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      char *data = NULL;

      g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
      g_hash_table_insert (files, g_strdup (name), data);
    }
  return files;
}

static void
test_round_trip (void)
{
  g_autoptr(DeskStore) first = new_store ();
  g_autoptr(DeskStore) second = new_store ();
  g_autofree char *fixtures = g_test_build_filename (G_TEST_DIST, "fixtures", "import", NULL);
  g_autofree char *out1 = desk_test_path ("round-1");
  g_autofree char *out2 = desk_test_path ("round-2");
  g_autoptr(DeskImportReport) r = NULL;
  g_autoptr(GHashTable) files1 = NULL;
  g_autoptr(GHashTable) files2 = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key, value;

  r = import_ok (first, fixtures);
  g_clear_pointer (&r, desk_import_report_free);
  g_assert_true (desk_export_csv (first, out1, &error));
  g_assert_no_error (error);

  r = import_ok (second, out1);
  g_clear_pointer (&r, desk_import_report_free);
  g_assert_true (desk_export_csv (second, out2, &error));
  g_assert_no_error (error);

  files1 = read_dir (out1);
  files2 = read_dir (out2);
  g_assert_cmpuint (g_hash_table_size (files1), ==, DESK_CSV_N_KINDS);
  g_assert_cmpuint (g_hash_table_size (files2), ==, DESK_CSV_N_KINDS);
  g_hash_table_iter_init (&iter, files1);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *data1 = value;
      const char *data2 = g_hash_table_lookup (files2, key);

      g_assert_nonnull (data2);
      if (!g_str_equal (data1, data2))
        g_error ("%s differs:\n%s\n---\n%s", (const char *) key, data1, data2);
    }

  /* every record came through */
  g_assert_cmpint (desk_store_count_records (second), ==, desk_store_count_records (first));
  g_assert_cmpint (count (second, "SELECT count (*) FROM consultations"), ==, 6);
  g_assert_cmpint (count (second, "SELECT count (*) FROM mediation_cases"), ==, 5);
  g_assert_cmpint (count (second, "SELECT count (*) FROM case_parties"), ==, 15);
  g_assert_cmpint (count (second, "SELECT count (*) FROM screenings"), ==, 4);
  g_assert_cmpint (count (second, "SELECT count (*) FROM legal_aid"), ==, 5);
  g_assert_cmpint (count (second, "SELECT count (*) FROM adviser_services"), ==, 3);
  g_assert_cmpint (count (second, "SELECT count (*) FROM adviser_assignments"), ==, 4);
}

/* The format of the export itself: BOM, CRLF, import.md's headers. */
static void
test_export_format (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autofree char *fixtures = g_test_build_filename (G_TEST_DIST, "fixtures", "import", NULL);
  g_autofree char *out = desk_test_path ("export-format");
  g_autoptr(DeskImportReport) r = NULL;
  g_autoptr(GHashTable) files = NULL;
  const char *data;

  r = import_ok (store, fixtures);
  /* a deleted record is left out */
  desk_test_exec (store, "UPDATE screenings SET deleted_at = '2026-11-01 00:00:00'"
                         " WHERE screened_on = '2026-03-31'");
  g_assert_true (desk_export_csv (store, out, NULL));
  files = read_dir (out);

  data = g_hash_table_lookup (files, "villages.csv");
  g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBF名称,类型,区划代码,启用日期,停用日期\r\n"));
  g_assert_nonnull (strstr (data, "\r\n新街社区,社区,360426100001,2024-03-01,\r\n"));

  data = g_hash_table_lookup (files, "advisers.csv");
  g_assert_nonnull (strstr (data, "刘明,男,13807981111,律师,江西青山律师事务所,13604201810123456,"
                                  "青山村、石桥村,2026-01-01,2026-12-31\r\n"));
  data = g_hash_table_lookup (files, "adviser_assignments.csv");
  g_assert_cmpstr (data, ==, "\xEF\xBB\xBF法律顾问,村(居),起,止\r\n"
                             "刘明（江西正义律师事务所）,新街社区,2026-07-01,2026-10-31\r\n");
  data = g_hash_table_lookup (files, "adviser_services.csv");
  g_assert_nonnull (strstr (data, "\r\n2026-03-10,陈静,新街社区,实地,2.5,3,1,45,0,1,0,0,1,0,60,\r\n"));

  data = g_hash_table_lookup (files, "mediation_cases.csv");
  g_assert_nonnull (strstr (data, ",书面,3600.00,已履行,"));
  g_assert_nonnull (strstr (data, ",128000.50,"));
  g_assert_nonnull (strstr (data, ",张大山、张二山、张小山,"));

  data = g_hash_table_lookup (files, "consultations.csv");
  g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBF日期时间,渠道,咨询人,证件类型,证件号码,手机,"));
  /* in date order, with the numbers the import gave */
  g_assert_true (strstr (data, "ZX2025-0001") < strstr (data, "ZX2026-0001"));
  g_assert_nonnull (strstr (data, "\"建议先收集考勤记录、工资条，\n再向劳动监察投诉。\""));

  data = g_hash_table_lookup (files, "screenings.csv");
  g_assert_null (strstr (data, "2026-03-31"));
  data = g_hash_table_lookup (files, "legal_aid.csv");
  g_assert_nonnull (strstr (data, ",约翰·史密斯,护照,E12345678,男,1980-01-01,,"));
  g_assert_nonnull (strstr (data, ",残疾人、农民、军人军属,"));
}

/* ------------------------------------------------------------------ */
/* The command line                                                    */

static void
test_cli (void)
{
  g_autofree char *db = desk_test_path ("cli-import.db");
  g_autofree char *db2 = desk_test_path ("cli-import-2.db");
  g_autofree char *fixtures = g_test_build_filename (G_TEST_DIST, "fixtures", "import", NULL);
  g_autofree char *out = desk_test_path ("cli-export");
  g_autofree char *bad = new_dir (FALSE);
  g_autoptr(DeskCliResult) r = NULL;

  r = desk_test_run_cli ("init", "--database", db, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, desk_cli_result_free);

  /* a dry run writes nothing */
  r = desk_test_run_cli ("import", "--database", db, "--dry-run", fixtures, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "未写入"));
  g_assert_nonnull (strstr (r->out, "consultations.csv"));
  g_clear_pointer (&r, desk_cli_result_free);
  r = desk_test_run_cli ("export", "--database", db, "--csv", out, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, desk_cli_result_free);
  {
    g_autofree char *path = g_build_filename (out, "villages.csv", NULL);
    g_autofree char *data = NULL;

    g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
    g_assert_cmpstr (data, ==, "\xEF\xBB\xBF名称,类型,区划代码,启用日期,停用日期\r\n");
  }

  /* each file given by name, in any order */
  {
    const char *names[] = { "legal_aid.csv", "villages.csv", "committees.csv", "mediators.csv",
                            "advisers.csv", "adviser_assignments.csv", "consultations.csv",
                            "mediation_cases.csv", "mediation_parties.csv", "screenings.csv",
                            "adviser_services.csv" };
    g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);

    g_ptr_array_add (args, g_strdup ("import"));
    g_ptr_array_add (args, g_strdup ("--database"));
    g_ptr_array_add (args, g_strdup (db));
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      g_ptr_array_add (args, g_build_filename (fixtures, names[i], NULL));
    g_ptr_array_add (args, NULL);
    r = desk_test_run_cliv ((const char *const *) args->pdata);
  }
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "已导入"));
  g_assert_nonnull (strstr (r->out, "新增工作人员：周敏、吴刚、王芳"));
  g_clear_pointer (&r, desk_cli_result_free);

  r = desk_test_run_cli ("import", "--database", db, fixtures, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "跳过 6"));
  g_clear_pointer (&r, desk_cli_result_free);

  /* an error: exit 1, the row and column in Chinese, nothing written */
  g_free (put (bad, "consultations.csv",
               CONSULT_HEADER "2026-03-02 09:00,来访,甲,,,,,,1,婚姻家庭纠纷,一,,当场解答,周敏,\n"));
  r = desk_test_run_cli ("import", "--database", db, bad, NULL);
  g_assert_cmpint (r->status, ==, 1);
  g_assert_nonnull (strstr (r->out, "consultations.csv，第2行，咨询类别："));
  g_assert_nonnull (strstr (r->out, "未导入"));
  g_clear_pointer (&r, desk_cli_result_free);

  r = desk_test_run_cli ("export", "--database", db, "--csv", out, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, out));
  g_clear_pointer (&r, desk_cli_result_free);

  /* the export reads back into an empty ledger */
  r = desk_test_run_cli ("init", "--database", db2, NULL);
  g_clear_pointer (&r, desk_cli_result_free);
  r = desk_test_run_cli ("import", "--database", db2, out, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, desk_cli_result_free);

  r = desk_test_run_cli ("import", "--database", db, NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_clear_pointer (&r, desk_cli_result_free);
  r = desk_test_run_cli ("export", "--database", db, NULL);
  g_assert_cmpint (r->status, !=, 0);
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("LEGALDESK_LOCALEDIR");

  desk_test_init (&argc, &argv);
  if (localedir != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    }

  g_test_add_func ("/import/settled/active-dates", test_settled_active_dates);
  g_test_add_func ("/import/settled/references", test_settled_references);
  g_test_add_func ("/import/settled/numbers", test_settled_numbers);
  g_test_add_func ("/import/settled/parties", test_settled_parties);
  g_test_add_func ("/import/settled/anonymous-visitor", test_settled_anonymous_visitor);
  g_test_add_func ("/import/settled/datetimes-and-lists", test_settled_datetimes_and_lists);
  g_test_add_func ("/import/settled/ethnicity-and-id-type", test_settled_ethnicity_and_id_type);
  g_test_add_func ("/import/settled/person-register", test_settled_person_register);
  g_test_add_func ("/import/settled/money", test_settled_money);
  g_test_add_func ("/import/settled/companions", test_settled_companions);
  g_test_add_func ("/import/settled/hardship-labels", test_settled_hardship_labels);
  g_test_add_func ("/import/settled/status-and-dates", test_settled_status_and_dates);
  g_test_add_func ("/import/settled/no-future-dates", test_settled_no_future_dates);
  g_test_add_func ("/import/dates-three-forms", test_dates_three_forms);
  g_test_add_func ("/import/bad-row-writes-nothing", test_bad_row_writes_nothing);
  g_test_add_func ("/import/ragged-row", test_ragged_row);
  g_test_add_func ("/import/dry-run", test_dry_run);
  g_test_add_func ("/import/gb18030", test_gb18030);
  g_test_add_func ("/import/reimport-skips", test_reimport_skips);
  g_test_add_func ("/import/identical-rows", test_identical_rows);
  g_test_add_func ("/import/number-conflict", test_number_conflict);
  g_test_add_func ("/import/unknown-header", test_unknown_header);
  g_test_add_func ("/import/missing-column", test_missing_column);
  g_test_add_func ("/import/unknown-label", test_unknown_label);
  g_test_add_func ("/import/formula-escapes", test_formula_escapes);
  g_test_add_func ("/import/file-names", test_file_names);
  g_test_add_func ("/import/round-trip", test_round_trip);
  g_test_add_func ("/import/export-format", test_export_format);
  g_test_add_func ("/import/cli", test_cli);

  return g_test_run ();
}
