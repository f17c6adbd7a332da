/* desk-import.c — importing the CSV files of import.md: files, headers, the
 * one transaction, the report, and reading cells.
 *
 * Every row runs in a savepoint of its own inside the import's transaction:
 * a row that fails leaves nothing behind, so later rows are checked against
 * the rows that did go in, and the report lists every problem of the whole
 * import at once.  At the end the transaction is committed only when no
 * problem was found and this is not a dry run.  Rows become records only
 * through the record APIs, so an imported record is checked exactly as a
 * typed one.
 */
#define G_LOG_DOMAIN "desk-import"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-adviser.h"
#include "desk-codes.h"
#include "desk-date.h"
#include "desk-export-csv.h"
#include "desk-import-private.h"
#include "desk-register.h"
#include "desk-search.h"

/* A file of the wrong kind could give an error on every cell; the first
 * ones say enough. */
#define MAX_PROBLEMS 500

G_DEFINE_QUARK (desk-import-error-quark, desk_import_error)

#define OPT  DESK_CSV_COLUMN_OPTIONAL
#define NUM  DESK_CSV_COLUMN_NUMBER
#define LIST DESK_CSV_COLUMN_LIST

static const DeskCsvColumn villages_columns[] = {
  { "名称", 0 }, { "类型", 0 }, { "区划代码", OPT }, { "启用日期", OPT }, { "停用日期", OPT },
};

static const DeskCsvColumn committees_columns[] = {
  { "名称", 0 }, { "简称", 0 }, { "类型", 0 }, { "村(居)", OPT }, { "启用日期", OPT },
  { "停用日期", OPT },
};

static const DeskCsvColumn mediators_columns[] = {
  { "姓名", 0 }, { "性别", 0 }, { "手机", OPT }, { "调委会", 0 }, { "专兼职", 0 },
  { "启用日期", OPT }, { "停用日期", OPT },
};

static const DeskCsvColumn advisers_columns[] = {
  { "姓名", 0 }, { "性别", 0 }, { "手机", 0 }, { "执业类别", 0 }, { "执业机构", 0 },
  { "执业证号", OPT }, { "服务村(居)", LIST }, { "聘期起", 0 }, { "聘期止", OPT },
};

static const DeskCsvColumn assignments_columns[] = {
  { "法律顾问", 0 }, { "村(居)", 0 }, { "起", 0 }, { "止", OPT },
};

static const DeskCsvColumn consultations_columns[] = {
  { "日期时间", 0 }, { "渠道", 0 }, { "咨询人", 0 }, { "证件类型", OPT }, { "证件号码", OPT },
  { "手机", OPT }, { "性别", OPT }, { "出生日期", OPT }, { "所在村(居)", OPT },
  { "同来人数", OPT | NUM }, { "咨询类别", 0 }, { "咨询内容", 0 }, { "答复意见", OPT },
  { "处理结果", 0 }, { "接待人", 0 }, { "编号", OPT },
};

static const DeskCsvColumn cases_columns[] = {
  { "案号", OPT }, { "调委会", 0 }, { "受理日期", 0 }, { "案件来源", 0 }, { "纠纷类型", 0 },
  { "难度", OPT }, { "申请人", LIST }, { "被申请人", OPT | LIST }, { "涉及当事人数", OPT | NUM },
  { "纠纷简要情况", 0 }, { "调解员", LIST }, { "状态", 0 }, { "结案日期", OPT },
  { "协议形式", OPT }, { "协议涉及金额", OPT | NUM }, { "履行情况", OPT },
  { "司法确认日期", OPT }, { "防止民间纠纷引起自杀", OPT | NUM },
  { "防止民间纠纷转化为刑事案件", OPT | NUM }, { "防止群体性上访", OPT | NUM },
  { "防止群体性械斗", OPT | NUM }, { "协议内容", 0 }, { "履行方式", 0 }, { "履行期限", OPT },
};

static const DeskCsvColumn parties_columns[] = {
  { "案号", 0 }, { "角色", 0 }, { "姓名", 0 }, { "证件类型", OPT }, { "证件号码", OPT },
  { "手机", OPT }, { "性别", OPT }, { "出生日期", OPT }, { "民族", OPT },
};

static const DeskCsvColumn screenings_columns[] = {
  { "日期", 0 }, { "调委会", 0 }, { "排查人", 0 }, { "排查发现纠纷", NUM }, { "预防纠纷", NUM },
  { "备注", OPT },
};

static const DeskCsvColumn legal_aid_columns[] = {
  { "登记号", OPT }, { "接收日期时间", 0 }, { "申请人", 0 }, { "证件类型", OPT },
  { "证件号码", OPT }, { "性别", 0 }, { "出生日期", OPT }, { "民族", OPT }, { "手机", OPT },
  { "所在村(居)", OPT }, { "人员类别", OPT | LIST }, { "事项类型", 0 }, { "援助事项", 0 },
  { "经济困难情形", OPT }, { "材料齐全", 0 }, { "状态", 0 }, { "转交日期", OPT },
  { "转交方式", OPT }, { "决定日期", OPT }, { "决定结果", OPT }, { "撤回日期", OPT },
  { "接收人", 0 }, { "案情摘要", 0 },
};

static const DeskCsvColumn services_columns[] = {
  { "日期", 0 }, { "法律顾问", 0 }, { "村(居)", 0 }, { "方式", 0 }, { "时长", NUM },
  { "解答咨询", OPT | NUM }, { "法治讲座", OPT | NUM }, { "讲座受众", OPT | NUM },
  { "参与调解", OPT | NUM }, { "审查合同协议", OPT | NUM }, { "审查村规民约", OPT | NUM },
  { "代写文书", OPT | NUM }, { "引导法律援助", OPT | NUM }, { "培训人次", OPT | NUM },
  { "发放资料", OPT | NUM }, { "备注", OPT },
};

#undef OPT
#undef NUM
#undef LIST

typedef struct
{
  const char          *file;
  const DeskCsvColumn *columns;
  guint                n_columns;
  const char          *number_column;  /* the program's number, when the kind has one */
  const char          *date_column;    /* whole-row keys: candidates share this cell */
  const char          *baseline_sql;   /* highest id so far */
  const char          *candidates_sql; /* live records with ?1 in the date column, id <= ?2 */
} KindInfo;

#define COLUMNS(c) c, G_N_ELEMENTS (c)

static const KindInfo kinds[DESK_CSV_N_KINDS] = {
  [DESK_CSV_VILLAGES] = { "villages.csv", COLUMNS (villages_columns) },
  [DESK_CSV_COMMITTEES] = { "committees.csv", COLUMNS (committees_columns) },
  [DESK_CSV_MEDIATORS] = { "mediators.csv", COLUMNS (mediators_columns) },
  [DESK_CSV_ADVISERS] = { "advisers.csv", COLUMNS (advisers_columns) },
  [DESK_CSV_ADVISER_ASSIGNMENTS] = { "adviser_assignments.csv", COLUMNS (assignments_columns) },
  [DESK_CSV_CONSULTATIONS] = {
    "consultations.csv", COLUMNS (consultations_columns), "编号", "日期时间",
    "SELECT coalesce (max (id), 0) FROM consultations",
    "SELECT id FROM consultations WHERE deleted_at IS NULL AND at = ?1 AND id <= ?2" },
  [DESK_CSV_MEDIATION_CASES] = {
    "mediation_cases.csv", COLUMNS (cases_columns), "案号", "受理日期",
    "SELECT coalesce (max (id), 0) FROM mediation_cases",
    "SELECT id FROM mediation_cases WHERE deleted_at IS NULL AND accepted_on = ?1"
    " AND id <= ?2" },
  [DESK_CSV_MEDIATION_PARTIES] = { "mediation_parties.csv", COLUMNS (parties_columns) },
  [DESK_CSV_SCREENINGS] = {
    "screenings.csv", COLUMNS (screenings_columns), NULL, "日期",
    "SELECT coalesce (max (id), 0) FROM screenings",
    "SELECT id FROM screenings WHERE deleted_at IS NULL AND screened_on = ?1 AND id <= ?2" },
  [DESK_CSV_LEGAL_AID] = {
    "legal_aid.csv", COLUMNS (legal_aid_columns), "登记号", "接收日期时间",
    "SELECT coalesce (max (id), 0) FROM legal_aid",
    "SELECT id FROM legal_aid WHERE deleted_at IS NULL AND received_at = ?1 AND id <= ?2" },
  [DESK_CSV_ADVISER_SERVICES] = {
    "adviser_services.csv", COLUMNS (services_columns), NULL, "日期",
    "SELECT coalesce (max (id), 0) FROM adviser_services",
    "SELECT id FROM adviser_services WHERE deleted_at IS NULL AND served_on = ?1"
    " AND id <= ?2" },
};

const char *
desk_csv_kind_file_name (DeskCsvKind kind)
{
  g_return_val_if_fail (kind < DESK_CSV_N_KINDS, NULL);
  return kinds[kind].file;
}

/* File names are matched without regard to case: Windows does not keep it. */
gboolean
desk_csv_kind_from_file_name (const char  *name,
                              DeskCsvKind *kind)
{
  for (DeskCsvKind k = 0; k < DESK_CSV_N_KINDS; k++)
    if (g_ascii_strcasecmp (name, kinds[k].file) == 0)
      {
        if (kind != NULL)
          *kind = k;
        return TRUE;
      }
  return FALSE;
}

const DeskCsvColumn *
desk_csv_kind_columns (DeskCsvKind  kind,
                       guint       *n_columns)
{
  g_return_val_if_fail (kind < DESK_CSV_N_KINDS, NULL);
  if (n_columns != NULL)
    *n_columns = kinds[kind].n_columns;
  return kinds[kind].columns;
}

static int
column_index (DeskCsvKind  kind,
              const char  *column)
{
  for (guint i = 0; i < kinds[kind].n_columns; i++)
    if (g_str_equal (kinds[kind].columns[i].name, column))
      return i;
  return -1;
}

/* ------------------------------------------------------------------ */
/* The report                                                          */

static void
problem_free (DeskImportProblem *problem)
{
  g_free (problem->file);
  g_free (problem->column);
  g_free (problem->message);
  g_free (problem);
}

static void
file_free (DeskImportFile *file)
{
  g_free (file->path);
  g_free (file->encoding);
  g_free (file);
}

void
desk_import_report_free (DeskImportReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->files, g_ptr_array_unref);
  g_clear_pointer (&report->staff_added, g_ptr_array_unref);
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_free (report);
}

static DeskImportReport *
report_new (gboolean dry_run)
{
  DeskImportReport *report = g_new0 (DeskImportReport, 1);

  report->dry_run = dry_run;
  report->files = g_ptr_array_new_with_free_func ((GDestroyNotify) file_free);
  report->staff_added = g_ptr_array_new_with_free_func (g_free);
  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  return report;
}

static void
add_problem (DeskImportReport *report,
             const char       *file,
             guint             line,
             const char       *column,
             const char       *message)
{
  DeskImportProblem *problem;

  if (report->problems->len >= MAX_PROBLEMS)
    {
      report->dropped++;
      return;
    }
  problem = g_new0 (DeskImportProblem, 1);
  problem->file = g_strdup (file);
  problem->line = line;
  problem->column = g_strdup (column);
  problem->message = g_strdup (message);
  g_ptr_array_add (report->problems, problem);
}

static guint
n_problems (const DeskImportReport *report)
{
  return report->problems->len + report->dropped;
}

/**
 * desk_import_report_format:
 *
 * Returns: (transfer full): the report, several lines ending with "\n".
 */
char *
desk_import_report_format (const DeskImportReport *report)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (report != NULL, NULL);

  if (n_problems (report) > 0)
    g_string_append_printf (out, _("Nothing was imported: %u errors must be corrected first."),
                            n_problems (report));
  else if (report->dry_run)
    g_string_append (out, _("Check only: nothing was written. Importing would give:"));
  else
    g_string_append (out, _("Imported:"));
  g_string_append_c (out, '\n');

  for (guint i = 0; i < report->files->len; i++)
    {
      DeskImportFile *file = g_ptr_array_index (report->files, i);

      g_string_append_printf (out, _("  %s (%s): %u rows, %u added, %u skipped as already "
                                     "there"),
                              file->path, file->encoding ? file->encoding : "?", file->rows,
                              file->added, file->skipped);
      g_string_append_c (out, '\n');
    }

  if (report->staff_added->len > 0)
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (report->staff_added, NULL);
      names = g_strjoinv ("、", (char **) report->staff_added->pdata);
      g_ptr_array_remove_index (report->staff_added, report->staff_added->len - 1);
      g_string_append_printf (out, _("Added to the staff list: %s"), names);
      g_string_append_c (out, '\n');
    }

  if (n_problems (report) > 0)
    {
      g_string_append_printf (out, _("Errors (%u):"), n_problems (report));
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < report->problems->len; i++)
    {
      DeskImportProblem *p = g_ptr_array_index (report->problems, i);

      g_string_append (out, "  ");
      if (p->line > 0 && p->column != NULL)
        g_string_append_printf (out, _("%s, line %u, column %s: %s"), p->file, p->line,
                                p->column, p->message);
      else if (p->line > 0)
        g_string_append_printf (out, _("%s, line %u: %s"), p->file, p->line, p->message);
      else
        g_string_append_printf (out, _("%s: %s"), p->file, p->message);
      g_string_append_c (out, '\n');
    }
  if (report->dropped > 0)
    {
      g_string_append_printf (out, _("  … and %u more errors."), report->dropped);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Problems of the current row                                         */

void
import_problem_at (Importer   *im,
                   SourceFile *source,
                   guint       line,
                   const char *column,
                   const char *message)
{
  add_problem (im->report, source->path, line, column, message);
}

void
import_problem (Importer   *im,
                const char *column,
                const char *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  import_problem_at (im, im->source, im->line, column, message);
}

/* The field labels of the record APIs' errors, by kind, and the column
 * that holds each field.  The labels are compared in the user's language,
 * as the errors carry them; plain strings, not marked for translation
 * here: their modules own them. */
typedef struct
{
  DeskCsvKind  kind;
  const char  *context;   /* msgctxt, or NULL */
  const char  *label;
  const char  *column;
} FieldColumn;

static const FieldColumn field_columns[] = {
  { DESK_CSV_VILLAGES, "village", "Name", "名称" },
  { DESK_CSV_VILLAGES, "village", "Kind", "类型" },
  { DESK_CSV_VILLAGES, "village", "Area code", "区划代码" },
  { DESK_CSV_VILLAGES, "village", "Active from", "启用日期" },
  { DESK_CSV_VILLAGES, "village", "Active until", "停用日期" },
  { DESK_CSV_COMMITTEES, "committee", "Name", "名称" },
  { DESK_CSV_COMMITTEES, "committee", "Short name", "简称" },
  { DESK_CSV_COMMITTEES, "committee", "Type", "类型" },
  { DESK_CSV_COMMITTEES, "committee", "Village", "村(居)" },
  { DESK_CSV_COMMITTEES, "committee", "Active from", "启用日期" },
  { DESK_CSV_COMMITTEES, "committee", "Active until", "停用日期" },
  { DESK_CSV_MEDIATORS, "mediator", "Name", "姓名" },
  { DESK_CSV_MEDIATORS, "mediator", "Sex", "性别" },
  { DESK_CSV_MEDIATORS, "mediator", "Phone", "手机" },
  { DESK_CSV_MEDIATORS, "mediator", "Committee", "调委会" },
  { DESK_CSV_MEDIATORS, "mediator", "Active from", "启用日期" },
  { DESK_CSV_MEDIATORS, "mediator", "Active until", "停用日期" },
  { DESK_CSV_ADVISERS, NULL, "Adviser's name", "姓名" },
  { DESK_CSV_ADVISERS, NULL, "Adviser's sex", "性别" },
  { DESK_CSV_ADVISERS, NULL, "Mobile", "手机" },
  { DESK_CSV_ADVISERS, NULL, "Practice type", "执业类别" },
  { DESK_CSV_ADVISERS, NULL, "Practice institution", "执业机构" },
  { DESK_CSV_ADVISERS, NULL, "Licence number", "执业证号" },
  { DESK_CSV_ADVISERS, NULL, "Term from", "聘期起" },
  { DESK_CSV_ADVISERS, NULL, "Term until", "聘期止" },
  { DESK_CSV_ADVISERS, NULL, "Village served", "服务村(居)" },
  { DESK_CSV_ADVISERS, NULL, "Serves from", "聘期起" },
  { DESK_CSV_ADVISERS, NULL, "Serves until", "聘期止" },
  { DESK_CSV_ADVISER_ASSIGNMENTS, NULL, "Legal adviser", "法律顾问" },
  { DESK_CSV_ADVISER_ASSIGNMENTS, NULL, "Village served", "村(居)" },
  { DESK_CSV_ADVISER_ASSIGNMENTS, NULL, "Serves from", "起" },
  { DESK_CSV_ADVISER_ASSIGNMENTS, NULL, "Serves until", "止" },
  { DESK_CSV_ADVISER_SERVICES, NULL, "Service date", "日期" },
  { DESK_CSV_ADVISER_SERVICES, NULL, "Legal adviser", "法律顾问" },
  { DESK_CSV_ADVISER_SERVICES, NULL, "Village", "村(居)" },
  { DESK_CSV_ADVISER_SERVICES, NULL, "Village served", "村(居)" },
  { DESK_CSV_ADVISER_SERVICES, NULL, "Service mode", "方式" },
  { DESK_CSV_ADVISER_SERVICES, NULL, "Hours", "时长" },
  { DESK_CSV_ADVISER_SERVICES, NULL, "Consultations answered", "解答咨询" },
  { DESK_CSV_ADVISER_SERVICES, NULL, "Law lectures", "法治讲座" },
  { DESK_CSV_ADVISER_SERVICES, NULL, "Lecture audience", "讲座受众" },
  { DESK_CSV_ADVISER_SERVICES, NULL, "Mediations joined", "参与调解" },
  { DESK_CSV_ADVISER_SERVICES, NULL, "Contracts reviewed", "审查合同协议" },
  { DESK_CSV_ADVISER_SERVICES, NULL, "Village rules and decisions reviewed", "审查村规民约" },
  { DESK_CSV_ADVISER_SERVICES, NULL, "Legal documents drafted", "代写文书" },
  { DESK_CSV_ADVISER_SERVICES, NULL, "People trained", "培训人次" },
  { DESK_CSV_ADVISER_SERVICES, NULL, "Materials handed out", "发放资料" },
  { DESK_CSV_CONSULTATIONS, "consultation", "Date and time", "日期时间" },
  { DESK_CSV_CONSULTATIONS, "consultation", "Channel", "渠道" },
  { DESK_CSV_CONSULTATIONS, "consultation", "Visitor", "咨询人" },
  { DESK_CSV_CONSULTATIONS, "consultation", "Companions", "同来人数" },
  { DESK_CSV_CONSULTATIONS, "consultation", "Village", "所在村(居)" },
  { DESK_CSV_CONSULTATIONS, "consultation", "Category", "咨询类别" },
  { DESK_CSV_CONSULTATIONS, "consultation", "Content", "咨询内容" },
  { DESK_CSV_CONSULTATIONS, "consultation", "Result", "处理结果" },
  { DESK_CSV_CONSULTATIONS, "consultation", "Received by", "接待人" },
  { DESK_CSV_CONSULTATIONS, "consultation", "Number", "编号" },
  { DESK_CSV_CONSULTATIONS, NULL, "Name", "咨询人" },
  { DESK_CSV_MEDIATION_CASES, NULL, "Case number", "案号" },
  { DESK_CSV_MEDIATION_CASES, NULL, "Mediation committee", "调委会" },
  { DESK_CSV_MEDIATION_CASES, NULL, "Date accepted", "受理日期" },
  { DESK_CSV_MEDIATION_CASES, NULL, "Case source", "案件来源" },
  { DESK_CSV_MEDIATION_CASES, NULL, "Dispute type", "纠纷类型" },
  { DESK_CSV_MEDIATION_CASES, NULL, "Difficulty", "难度" },
  { DESK_CSV_MEDIATION_CASES, NULL, "Parties", "申请人" },
  { DESK_CSV_MEDIATION_CASES, NULL, "Number of parties involved", "涉及当事人数" },
  { DESK_CSV_MEDIATION_CASES, NULL, "Mediators", "调解员" },
  { DESK_CSV_MEDIATION_CASES, NULL, "Case status", "状态" },
  { DESK_CSV_MEDIATION_CASES, NULL, "Date closed", "结案日期" },
  { DESK_CSV_MEDIATION_CASES, NULL, "Agreement form", "协议形式" },
  { DESK_CSV_MEDIATION_CASES, NULL, "Agreement amount", "协议涉及金额" },
  { DESK_CSV_MEDIATION_CASES, NULL, "Agreement content", "协议内容" },
  { DESK_CSV_MEDIATION_CASES, NULL, "Manner of performance", "履行方式" },
  { DESK_CSV_MEDIATION_CASES, NULL, "Performance deadline", "履行期限" },
  { DESK_CSV_MEDIATION_CASES, NULL, "Performance", "履行情况" },
  { DESK_CSV_MEDIATION_CASES, NULL, "Judicial confirmation date", "司法确认日期" },
  { DESK_CSV_MEDIATION_PARTIES, NULL, "Name", "姓名" },
  { DESK_CSV_MEDIATION_PARTIES, NULL, "Name of the organisation", "姓名" },
  { DESK_CSV_SCREENINGS, "screening", "Date", "日期" },
  { DESK_CSV_SCREENINGS, "screening", "Committee", "调委会" },
  { DESK_CSV_SCREENINGS, "screening", "Disputes found", "排查发现纠纷" },
  { DESK_CSV_SCREENINGS, "screening", "Disputes prevented", "预防纠纷" },
  { DESK_CSV_LEGAL_AID, NULL, "Registration number", "登记号" },
  { DESK_CSV_LEGAL_AID, NULL, "Received at", "接收日期时间" },
  { DESK_CSV_LEGAL_AID, NULL, "Received by", "接收人" },
  { DESK_CSV_LEGAL_AID, NULL, "Applicant", "申请人" },
  { DESK_CSV_LEGAL_AID, NULL, "Name", "申请人" },
  { DESK_CSV_LEGAL_AID, NULL, "Applicant's sex", "性别" },
  { DESK_CSV_LEGAL_AID, NULL, "Applicant's date of birth", "出生日期" },
  { DESK_CSV_LEGAL_AID, NULL, "Applicant's village", "所在村(居)" },
  { DESK_CSV_LEGAL_AID, NULL, "Matter type", "事项类型" },
  { DESK_CSV_LEGAL_AID, NULL, "Financial hardship", "经济困难情形" },
  { DESK_CSV_LEGAL_AID, NULL, "Application status", "状态" },
  { DESK_CSV_LEGAL_AID, NULL, "Forwarded on", "转交日期" },
  { DESK_CSV_LEGAL_AID, NULL, "Forwarding mode", "转交方式" },
  { DESK_CSV_LEGAL_AID, NULL, "Decided on", "决定日期" },
  { DESK_CSV_LEGAL_AID, NULL, "Decision", "决定结果" },
  { DESK_CSV_LEGAL_AID, NULL, "Withdrawn on", "撤回日期" },
  /* The register of people, wherever its columns appear. */
  { DESK_CSV_N_KINDS, NULL, "ID type", "证件类型" },
  { DESK_CSV_N_KINDS, NULL, "ID number", "证件号码" },
  { DESK_CSV_N_KINDS, NULL, "Unified social credit code", "证件号码" },
  { DESK_CSV_N_KINDS, NULL, "Mobile", "手机" },
  { DESK_CSV_N_KINDS, NULL, "Phone", "手机" },
  { DESK_CSV_N_KINDS, NULL, "Sex", "性别" },
  { DESK_CSV_N_KINDS, NULL, "Birth date", "出生日期" },
  { DESK_CSV_N_KINDS, NULL, "Ethnicity", "民族" },
  { DESK_CSV_N_KINDS, NULL, "Village", "所在村(居)" },
};

/* The column of @kind that a record API's error about @field concerns. */
static const char *
field_column (DeskCsvKind  kind,
              const char  *field)
{
  if (column_index (kind, field) >= 0)
    return field;
  for (guint i = 0; i < G_N_ELEMENTS (field_columns); i++)
    {
      const FieldColumn *f = &field_columns[i];
      const char *label;

      if (f->kind != kind && f->kind != DESK_CSV_N_KINDS)
        continue;
      label = f->context ? g_dpgettext2 (GETTEXT_PACKAGE, f->context, f->label)
                         : g_dgettext (GETTEXT_PACKAGE, f->label);
      if (g_str_equal (label, field) && column_index (kind, f->column) >= 0)
        return f->column;
    }
  return NULL;
}

void
import_gerror (Importer     *im,
               const char   *column,
               const GError *error)
{
  g_autofree char *field = desk_error_get_field (error);
  const char *message = error->message;
  const char *field_col = field ? field_column (im->source->kind, field) : NULL;

  /* The column names the field: the message need not say it again. */
  if (field_col != NULL || (field != NULL && column != NULL))
    {
      message = error->message + strlen (field);
      if (g_str_has_prefix (message, "："))
        message += strlen ("：");
      if (field_col != NULL)
        column = field_col;
      else if (!g_str_equal (field, column))
        message = error->message;
    }
  import_problem (im, column, "%s", message);
}

/* The message of a field error without its field (the column says it). */
static const char *
error_without_field (const GError *error)
{
  g_autofree char *field = desk_error_get_field (error);
  const char *message = error->message;

  if (field != NULL)
    {
      message += strlen (field);
      if (g_str_has_prefix (message, "："))
        message += strlen ("：");
    }
  return message;
}

/* ------------------------------------------------------------------ */
/* Cells                                                               */

const char *
cell (Importer   *im,
      const char *column)
{
  int i = column_index (im->source->kind, column);

  g_return_val_if_fail (i >= 0, NULL);
  return im->cells[i];
}

gboolean
cell_required (Importer    *im,
               const char  *column,
               const char **text)
{
  *text = cell (im, column);
  if (*text == NULL)
    {
      import_problem (im, column, _("this cell must be filled in"));
      return FALSE;
    }
  return TRUE;
}

/* Imported dates must carry their year: "3-15" in an old ledger could be
 * any year. */
static gboolean
starts_with_year (const char *text)
{
  return g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) && g_ascii_isdigit (text[2]) &&
         g_ascii_isdigit (text[3]) && !g_ascii_isdigit (text[4]);
}

static gboolean
check_not_future (Importer   *im,
                  const char *column,
                  const char *date)
{
  if (strncmp (date, im->today, 10) > 0)
    {
      import_problem (im, column, _("%s lies after today (%s)"), date, im->today);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_date (Importer    *im,
           const char  *column,
           gboolean     required,
           gboolean     future_ok,
           char       **date)
{
  const char *text = cell (im, column);
  g_autofree char *parsed = NULL;

  *date = NULL;
  if (text == NULL)
    return required ? cell_required (im, column, &text) : TRUE;
  if (starts_with_year (text))
    parsed = desk_date_parse (text, 0);
  if (parsed == NULL)
    {
      import_problem (im, column,
                      _("“%s” is not a date; write it as 2026-03-15, 2026/3/15 or 2026年3月15日"),
                      text);
      return FALSE;
    }
  if (!future_ok && !check_not_future (im, column, parsed))
    return FALSE;
  *date = g_steal_pointer (&parsed);
  return TRUE;
}

gboolean
cell_date (Importer    *im,
           const char  *column,
           gboolean     required,
           char       **date)
{
  return read_date (im, column, required, FALSE, date);
}

gboolean
cell_plan_date (Importer    *im,
                const char  *column,
                gboolean     required,
                char       **date)
{
  return read_date (im, column, required, TRUE, date);
}

gboolean
cell_datetime (Importer    *im,
               const char  *column,
               gboolean     required,
               char       **datetime)
{
  const char *text = cell (im, column);
  g_autofree char *parsed = NULL;

  *datetime = NULL;
  if (text == NULL)
    return required ? cell_required (im, column, &text) : TRUE;
  if (starts_with_year (text))
    parsed = desk_datetime_parse (text);
  if (parsed == NULL)
    {
      import_problem (im, column,
                      _("“%s” is not a date and time; write it as 2026-03-15 09:30 "
                        "(or 2026/3/15 9:30, or the date alone)"), text);
      return FALSE;
    }
  if (!check_not_future (im, column, parsed))
    return FALSE;
  *datetime = g_steal_pointer (&parsed);
  return TRUE;
}

gboolean
cell_count (Importer   *im,
            const char *column,
            int         empty_value,
            int         minimum,
            int        *value)
{
  const char *text = cell (im, column);

  *value = empty_value;
  if (text == NULL)
    return TRUE;
  if (strlen (text) > 9 || strspn (text, "0123456789") != strlen (text))
    {
      import_problem (im, column, _("“%s” is not a whole number; write digits such as 3"),
                      text);
      return FALSE;
    }
  *value = atoi (text);
  if (*value < minimum)
    {
      import_problem (im, column, _("must be at least %d"), minimum);
      return FALSE;
    }
  return TRUE;
}

gboolean
cell_money (Importer   *im,
            const char *column,
            gint64     *fen)
{
  const char *text = cell (im, column);
  g_autoptr(GError) error = NULL;

  *fen = -1;
  if (text == NULL)
    return TRUE;
  if (!desk_money_parse (text, fen, &error))
    {
      import_problem (im, column, "%s", error_without_field (error));
      *fen = -1;
      return FALSE;
    }
  return TRUE;
}

gboolean
cell_half_hours (Importer   *im,
                 const char *column,
                 int        *half_hours)
{
  g_autoptr(GError) error = NULL;
  const char *text = NULL;

  *half_hours = 0;
  if (!cell_required (im, column, &text))
    return FALSE;
  if (!desk_adviser_parse_hours (text, half_hours, &error))
    {
      import_problem (im, column, "%s", error_without_field (error));
      return FALSE;
    }
  return TRUE;
}

gboolean
cell_code (Importer    *im,
           const char  *column,
           const char  *kind,
           gboolean     required,
           gint64      *id)
{
  const char *text = cell (im, column);
  g_autoptr(GError) error = NULL;

  g_autofree char *key = NULL;

  *id = 0;
  if (text == NULL)
    return required ? cell_required (im, column, &text) : TRUE;
  key = g_strconcat (kind, "\x1f", text, NULL);
  *id = GPOINTER_TO_SIZE (g_hash_table_lookup (im->codes, key));
  if (*id > 0)
    return TRUE;
  *id = desk_codes_lookup (im->store, kind, text, &error);
  if (*id <= 0)
    {
      import_problem (im, column, "%s", error_without_field (error));
      return FALSE;
    }
  g_hash_table_insert (im->codes, g_steal_pointer (&key), GSIZE_TO_POINTER (*id));
  return TRUE;
}

gboolean
cell_choice (Importer           *im,
             const char         *column,
             const char *const  *choices,
             gboolean            required,
             int                *index)
{
  const char *text = cell (im, column);
  g_autofree char *all = NULL;

  *index = -1;
  if (text == NULL)
    return required ? cell_required (im, column, &text) : TRUE;
  for (int i = 0; choices[i] != NULL; i++)
    if (g_str_equal (choices[i], text))
      {
        *index = i;
        return TRUE;
      }
  all = g_strjoinv ("、", (char **) choices);
  import_problem (im, column, _("“%s” is not one of: %s"), text, all);
  return FALSE;
}

gboolean
cell_sex (Importer    *im,
          const char  *column,
          gboolean     required,
          DeskSex     *sex)
{
  static const char *const sexes[] = { "男", "女", NULL };
  int i;

  *sex = DESK_SEX_UNKNOWN;
  if (!cell_choice (im, column, sexes, required, &i))
    return FALSE;
  if (i >= 0)
    *sex = i == 0 ? DESK_SEX_MALE : DESK_SEX_FEMALE;
  return TRUE;
}

GStrv
cell_list (Importer   *im,
           const char *column)
{
  return desk_csv_split_list (cell (im, column));
}

gboolean
cell_village (Importer    *im,
              const char  *column,
              gboolean     required,
              gint64      *id)
{
  const char *text = cell (im, column);

  *id = 0;
  if (text == NULL)
    return required ? cell_required (im, column, &text) : TRUE;
  *id = GPOINTER_TO_SIZE (g_hash_table_lookup (im->villages, text));
  if (*id > 0)
    return TRUE;
  *id = desk_village_find (im->store, text);
  if (*id <= 0)
    {
      import_problem (im, column,
                      _("there is no village or community called “%s”; list it in "
                        "villages.csv"), text);
      return FALSE;
    }
  g_hash_table_insert (im->villages, g_strdup (text), GSIZE_TO_POINTER (*id));
  return TRUE;
}

gboolean
cell_committee (Importer    *im,
                const char  *column,
                gint64      *id)
{
  const char *text = NULL;

  *id = 0;
  if (!cell_required (im, column, &text))
    return FALSE;
  *id = desk_committee_find (im->store, text);
  if (*id <= 0)
    {
      import_problem (im, column,
                      _("there is no mediation committee called “%s”; list it in "
                        "committees.csv"), text);
      return FALSE;
    }
  return TRUE;
}

gboolean
cell_staff (Importer    *im,
            const char  *column,
            gint64      *id)
{
  g_autoptr(GError) error = NULL;
  const char *text = NULL;
  gboolean added = FALSE;

  *id = 0;
  if (!cell_required (im, column, &text))
    return FALSE;
  *id = desk_staff_ensure (im->store, text, &added, &error);
  if (*id <= 0)
    {
      import_problem (im, column, "%s", error_without_field (error));
      return FALSE;
    }
  if (added)
    g_ptr_array_add (im->pending_staff, g_strdup (text));
  return TRUE;
}

gboolean
cell_adviser (Importer    *im,
              const char  *column,
              gint64      *id)
{
  g_autoptr(GError) error = NULL;
  const char *text = NULL;

  *id = 0;
  if (!cell_required (im, column, &text))
    return FALSE;
  *id = desk_adviser_find_by_reference (im->store, text, &error);
  if (*id <= 0)
    {
      import_problem (im, column, "%s", error_without_field (error));
      return FALSE;
    }
  return TRUE;
}

gboolean
cell_ethnicity (Importer    *im,
                const char  *column,
                gboolean     foreigner,
                char       **ethnicity)
{
  const char *text = cell (im, column);
  g_autoptr(GError) error = NULL;

  *ethnicity = NULL;
  /* An empty 民族 stays empty: it counts as 汉族 for a citizen and as
   * unknown for a foreigner (desk_ethnicity_effective()).  Writing 汉族
   * here would be wrong for a foreigner that a file without 人员类别
   * (mediation_parties.csv) names before legal_aid.csv flags them. */
  if (text == NULL)
    return TRUE;
  if (!desk_validate_ethnicity (text, &error))
    {
      import_problem (im, column, "%s", error_without_field (error));
      return FALSE;
    }
  *ethnicity = g_strdup (text);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* People                                                              */

DeskPerson *
row_person (Importer   *im,
            const char *name,
            gboolean    foreigner)
{
  static const char *const id_types[] = { "居民身份证", "护照", "其他", "统一社会信用代码", NULL };
  DeskCsvKind kind = im->source->kind;
  g_autoptr(DeskPerson) person = desk_person_new ();
  gboolean ok = TRUE;
  int type = -1;

  person->name = g_strdup (name);
  person->is_foreigner = foreigner;

  if (column_index (kind, "证件类型") >= 0)
    ok &= cell_choice (im, "证件类型", id_types, FALSE, &type);
  g_free (person->id_type);
  person->id_type = g_strdup (id_types[MAX (type, 0)]);
  if (type == 3)
    person->kind = DESK_PERSON_ORGANISATION;

  person->id_number = g_strdup (cell (im, "证件号码"));
  if (column_index (kind, "手机") >= 0)
    person->phone = g_strdup (cell (im, "手机"));

  if (person->kind == DESK_PERSON_ORGANISATION)
    {
      static const char *const personal[] = { "性别", "出生日期", "民族" };

      for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
        if (column_index (kind, personal[i]) >= 0 && cell (im, personal[i]) != NULL)
          {
            import_problem (im, personal[i],
                            _("an organisation (证件类型 统一社会信用代码) has no %s"),
                            personal[i]);
            ok = FALSE;
          }
    }
  else
    {
      if (column_index (kind, "性别") >= 0)
        ok &= cell_sex (im, "性别", FALSE, &person->sex);
      if (column_index (kind, "出生日期") >= 0)
        ok &= cell_date (im, "出生日期", FALSE, &person->birth_date);
      if (column_index (kind, "民族") >= 0)
        ok &= cell_ethnicity (im, "民族", foreigner, &person->ethnicity);
    }

  return ok ? g_steal_pointer (&person) : NULL;
}

gboolean
ensure_person (Importer   *im,
               DeskPerson *person,
               gint64     *id)
{
  g_autoptr(GError) error = NULL;

  *id = desk_person_ensure (im->store, person, TRUE, &error);
  if (*id <= 0)
    {
      import_gerror (im, NULL, error);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Natural keys of records                                             */

gint64
find_by_number (Importer   *im,
                const char *table,
                const char *number)
{
  const char *sql;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  /* The table is one of three fixed names, chosen by code. */
  if (g_str_equal (table, "consultations"))
    sql = "SELECT id FROM consultations WHERE number = ?1 AND deleted_at IS NULL";
  else if (g_str_equal (table, "mediation_cases"))
    sql = "SELECT id FROM mediation_cases WHERE number = ?1 AND deleted_at IS NULL";
  else if (g_str_equal (table, "legal_aid"))
    sql = "SELECT id FROM legal_aid WHERE number = ?1 AND deleted_at IS NULL";
  else
    g_return_val_if_reached (0);

  stmt = desk_store_prepare (im->store, sql, NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* The cells that make a whole-row key: all but the program's number. */
static char *
row_key (DeskCsvKind  kind,
         GStrv        row)
{
  const char *number = kinds[kind].number_column;
  int skip = number ? column_index (kind, number) : -1;
  GString *key = g_string_new (NULL);

  for (int i = 0; row[i] != NULL; i++)
    if (i != skip)
      {
        g_string_append (key, row[i]);
        g_string_append_c (key, '\x1f');
      }
  return g_string_free (key, FALSE);
}

RowResult
compare_numbered (Importer   *im,
                  gint64      existing_id,
                  gint64      new_id,
                  const char *number_column,
                  const char *number)
{
  DeskCsvKind kind = im->source->kind;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) old_row = desk_export_csv_row (im->store, kind, existing_id, &error);
  g_auto(GStrv) new_row = NULL;
  g_autoptr(GString) diff = g_string_new (NULL);
  int skip = column_index (kind, number_column);

  if (old_row != NULL)
    new_row = desk_export_csv_row (im->store, kind, new_id, &error);
  if (new_row == NULL)
    {
      import_problem (im, number_column, "%s", error ? error->message : "?");
      return ROW_FAILED;
    }
  for (guint i = 0; old_row[i] != NULL && new_row[i] != NULL; i++)
    if ((int) i != skip && !g_str_equal (old_row[i], new_row[i]))
      {
        if (diff->len > 0)
          g_string_append (diff, "；");
        g_string_append_printf (diff, _("%s: “%s” there, “%s” in this row"),
                                kinds[kind].columns[i].name, old_row[i], new_row[i]);
      }
  if (diff->len == 0)
    return ROW_SKIPPED;
  import_problem (im, number_column,
                  _("%s is already the number of a different record: %s"), number, diff->str);
  return ROW_FAILED;
}

static GHashTable *
existing_keys (Importer   *im,
               const char *date)
{
  SourceFile *source = im->source;
  const KindInfo *info = &kinds[source->kind];
  GHashTable *keys = g_hash_table_lookup (source->existing, date);
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;

  if (keys != NULL)
    return keys;
  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (source->existing, g_strdup (date), keys);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  stmt = desk_store_prepare (im->store, info->candidates_sql, NULL);
  if (stmt == NULL)
    return keys;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, source->baseline);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    {
      g_auto(GStrv) row = desk_export_csv_row (im->store, source->kind,
                                               g_array_index (ids, gint64, i), NULL);
      char *key;

      if (row == NULL)
        continue;
      key = row_key (source->kind, row);
      g_hash_table_insert (keys, key,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (keys, key))
                                             + 1));
    }
  return keys;
}

RowResult
whole_row_result (Importer *im,
                  gint64    new_id)
{
  SourceFile *source = im->source;
  g_auto(GStrv) row = NULL;
  g_autofree char *key = NULL;
  GHashTable *keys;
  guint seen;
  int date_col;

  /* Nothing was there before this file: nothing to skip. */
  if (source->baseline == 0)
    return ROW_ADDED;

  row = desk_export_csv_row (im->store, source->kind, new_id, NULL);
  if (row == NULL)
    return ROW_ADDED;
  key = row_key (source->kind, row);
  seen = GPOINTER_TO_UINT (g_hash_table_lookup (source->seen, key)) + 1;
  g_hash_table_insert (source->seen, g_strdup (key), GUINT_TO_POINTER (seen));

  date_col = column_index (source->kind, kinds[source->kind].date_column);
  keys = existing_keys (im, row[date_col]);
  if (seen <= GPOINTER_TO_UINT (g_hash_table_lookup (keys, key)))
    return ROW_SKIPPED;
  return ROW_ADDED;
}

/* ------------------------------------------------------------------ */
/* Files                                                               */

static void
source_free (SourceFile *source)
{
  g_free (source->path);
  g_clear_pointer (&source->table, desk_csv_table_free);
  g_free (source->index);
  g_clear_pointer (&source->seen, g_hash_table_unref);
  g_clear_pointer (&source->existing, g_hash_table_unref);
  g_free (source);
}

static void
add_source (Importer    *im,
            const char  *path,
            DeskCsvKind  kind)
{
  SourceFile *source = g_new0 (SourceFile, 1);

  source->kind = kind;
  source->path = g_strdup (path);
  source->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  source->existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_hash_table_unref);
  g_ptr_array_add (im->sources, source);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
collect_path (Importer   *im,
              const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  DeskCsvKind kind;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;
      guint found = 0;

      if (dir == NULL)
        {
          add_problem (im->report, path, 0, NULL, error->message);
          return;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, compare_names);
      for (guint i = 0; i < names->len; i++)
        {
          const char *n = g_ptr_array_index (names, i);
          g_autofree char *child = g_build_filename (path, n, NULL);

          if (!g_str_has_suffix (n, ".csv") && !g_str_has_suffix (n, ".CSV"))
            continue;
          if (desk_csv_kind_from_file_name (n, &kind))
            {
              add_source (im, child, kind);
              found++;
            }
          else
            add_problem (im->report, child, 0, NULL,
                         _("this file name is not one the program knows; name each file "
                           "as in the import instructions, e.g. consultations.csv"));
        }
      if (found == 0 && names->len > 0)
        add_problem (im->report, path, 0, NULL, _("the folder holds no file to import"));
      else if (names->len == 0)
        add_problem (im->report, path, 0, NULL, _("the folder is empty"));
      return;
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      add_problem (im->report, path, 0, NULL, _("no such file or folder"));
      return;
    }
  if (!desk_csv_kind_from_file_name (base, &kind))
    {
      add_problem (im->report, path, 0, NULL,
                   _("this file name is not one the program knows; name each file as in "
                     "the import instructions, e.g. consultations.csv"));
      return;
    }
  add_source (im, path, kind);
}

static int
compare_sources (gconstpointer a,
                 gconstpointer b)
{
  const SourceFile *sa = *(SourceFile *const *) a;
  const SourceFile *sb = *(SourceFile *const *) b;

  return (int) sa->kind - (int) sb->kind;
}

/* Reads the file and matches its header to the kind's columns. */
static void
load_source (Importer   *im,
             SourceFile *source)
{
  const KindInfo *info = &kinds[source->kind];
  DeskImportFile *file = g_new0 (DeskImportFile, 1);
  g_autoptr(GError) error = NULL;
  DeskCsvRow *header;
  guint line = 0;
  gboolean ok = TRUE;

  file->path = g_strdup (source->path);
  file->kind = source->kind;
  g_ptr_array_add (im->report->files, file);
  source->report = file;

  source->table = desk_csv_table_load (source->path, &line, &error);
  if (source->table == NULL)
    {
      add_problem (im->report, source->path, line, NULL, error->message);
      return;
    }
  file->encoding = g_strdup (source->table->encoding);
  file->rows = source->table->rows->len;

  header = source->table->header;
  source->index = g_new (int, info->n_columns);
  for (guint i = 0; i < info->n_columns; i++)
    source->index[i] = -1;
  for (guint h = 0; h < header->n_fields; h++)
    {
      const char *name = header->fields[h];
      int i = column_index (source->kind, name);

      if (i < 0)
        {
          g_autoptr(GString) all = g_string_new (NULL);

          for (guint j = 0; j < info->n_columns; j++)
            g_string_append_printf (all, "%s%s", j ? "、" : "", info->columns[j].name);
          if (*name == '\0')
            add_problem (im->report, source->path, header->line, NULL,
                         _("a column has no header"));
          else
            {
              g_autofree char *message =
                g_strdup_printf (_("%s has no such column; its columns are: %s"),
                                 info->file, all->str);

              add_problem (im->report, source->path, header->line, name, message);
            }
          ok = FALSE;
        }
      else if (source->index[i] >= 0)
        {
          add_problem (im->report, source->path, header->line, name,
                       _("this column appears twice"));
          ok = FALSE;
        }
      else
        source->index[i] = h;
    }
  for (guint i = 0; i < info->n_columns; i++)
    if (source->index[i] < 0 && !(info->columns[i].flags & DESK_CSV_COLUMN_OPTIONAL))
      {
        add_problem (im->report, source->path, header->line, info->columns[i].name,
                     _("this column is missing"));
        ok = FALSE;
      }
  source->usable = ok;
}

/* Makes @row the current one: its cells by kind column, trimmed, with a
 * formula's protecting apostrophe taken off. */
static char **
row_cells (SourceFile *source,
           DeskCsvRow *row)
{
  const KindInfo *info = &kinds[source->kind];
  char **cells = g_new0 (char *, info->n_columns + 1);

  for (guint i = 0; i < info->n_columns; i++)
    {
      g_autofree char *text = NULL;

      if (source->index[i] < 0)
        continue;
      text = desk_csv_unescape_formula (row->fields[source->index[i]]);
      g_strstrip (text);
      if (*text != '\0')
        cells[i] = g_steal_pointer (&text);
    }
  /* A NULL among the cells ends a GStrv early: keep them in an array the
   * length of the columns instead, and free by hand. */
  return cells;
}

static void
cells_free (char  **cells,
            guint   n)
{
  if (cells == NULL)
    return;
  for (guint i = 0; i < n; i++)
    g_free (cells[i]);
  g_free (cells);
}

static void
party_row_free (PartyRow *party)
{
  g_free (party->number);
  g_free (party->role);
  g_free (party->name);
  cells_free (party->cells, kinds[DESK_CSV_MEDIATION_PARTIES].n_columns);
  g_free (party);
}

void
enter_party_row (Importer   *im,
                 PartyRow   *party,
                 RowContext *saved)
{
  saved->source = im->source;
  saved->cells = im->cells;
  saved->line = im->line;
  im->source = party->source;
  im->cells = party->cells;
  im->line = party->line;
}

void
leave_party_row (Importer   *im,
                 RowContext *saved)
{
  im->source = saved->source;
  im->cells = saved->cells;
  im->line = saved->line;
}

void
import_collect_parties (Importer   *im,
                        SourceFile *source)
{
  const KindInfo *info = &kinds[source->kind];
  int number_col = column_index (source->kind, "案号");
  int role_col = column_index (source->kind, "角色");
  int name_col = column_index (source->kind, "姓名");

  for (guint r = 0; r < source->table->rows->len; r++)
    {
      DeskCsvRow *row = g_ptr_array_index (source->table->rows, r);
      PartyRow *party = g_new0 (PartyRow, 1);
      GPtrArray *list;

      party->source = source;
      party->line = row->line;
      party->cells = row_cells (source, row);
      party->number = g_strdup (party->cells[number_col]);
      party->role = g_strdup (party->cells[role_col]);
      party->name = g_strdup (party->cells[name_col]);

      if (party->number == NULL || party->role == NULL || party->name == NULL)
        {
          import_problem_at (im, source, row->line,
                             info->columns[party->number == NULL ? number_col
                                           : party->role == NULL ? role_col : name_col].name,
                             _("this cell must be filled in"));
          party_row_free (party);
          continue;
        }
      if (!g_hash_table_contains (im->case_numbers, party->number))
        {
          import_problem_at (im, source, row->line, "案号",
                             _("the case is not in mediation_cases.csv; a party can only be "
                               "given for a case imported with it"));
          party_row_free (party);
          continue;
        }
      list = g_hash_table_lookup (im->parties, party->number);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func ((GDestroyNotify) party_row_free);
          g_hash_table_insert (im->parties, g_strdup (party->number), list);
        }
      g_ptr_array_add (list, party);
    }
}

static void
flush_pending_staff (Importer *im,
                     gboolean  keep)
{
  for (guint i = 0; keep && i < im->pending_staff->len; i++)
    {
      const char *name = g_ptr_array_index (im->pending_staff, i);
      gboolean listed = FALSE;

      for (guint j = 0; j < im->report->staff_added->len && !listed; j++)
        listed = g_str_equal (g_ptr_array_index (im->report->staff_added, j), name);
      if (!listed)
        g_ptr_array_add (im->report->staff_added, g_strdup (name));
    }
  g_ptr_array_set_size (im->pending_staff, 0);
}

static gint64
query_baseline (Importer   *im,
                const char *sql)
{
  sqlite3_stmt *stmt;
  gint64 value = 0;

  if (sql == NULL)
    return 0;
  stmt = desk_store_prepare (im->store, sql, NULL);
  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static void
import_source (Importer   *im,
               SourceFile *source)
{
  const KindInfo *info = &kinds[source->kind];
  RowImporter run = import_row_function (source->kind);

  source->baseline = query_baseline (im, info->baseline_sql);
  im->source = source;
  for (guint r = 0; r < source->table->rows->len; r++)
    {
      g_autoptr(GError) error = NULL;
      RowResult result;

      im->row = g_ptr_array_index (source->table->rows, r);
      im->line = im->row->line;
      im->cells = row_cells (source, im->row);

      if (!desk_store_begin (im->store, &error))
        {
          import_problem (im, NULL, "%s", error->message);
          cells_free (g_steal_pointer (&im->cells), info->n_columns);
          return;
        }
      g_ptr_array_set_size (im->row_parties, 0);
      result = run (im);
      if (result == ROW_ADDED)
        {
          if (desk_store_commit (im->store, &error))
            source->report->added++;
          else
            {
              import_problem (im, NULL, "%s", error->message);
              result = ROW_FAILED;
            }
        }
      else
        {
          desk_store_rollback (im->store);
          if (result == ROW_SKIPPED)
            source->report->skipped++;
        }
      flush_pending_staff (im, result == ROW_ADDED);
      for (guint p = 0; p < im->row_parties->len; p++)
        {
          PartyRow *party = g_ptr_array_index (im->row_parties, p);

          if (result == ROW_ADDED)
            party->source->report->added++;
          else if (result == ROW_SKIPPED)
            party->source->report->skipped++;
        }
      cells_free (g_steal_pointer (&im->cells), info->n_columns);
    }
  im->source = NULL;
  im->row = NULL;
}

/**
 * desk_import_paths:
 * @paths: (array zero-terminated=1): files and folders
 * @options: (nullable): %NULL imports for real
 *
 * Returns: %TRUE when everything was imported (or, in a dry run, would be).
 */
static gint64
pragma_int (DeskStore  *store,
            const char *sql)
{
  sqlite3_stmt *stmt = desk_store_prepare (store, sql, NULL);
  gint64 value = 0;

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

gboolean
desk_import_paths (DeskStore                *store,
                   const char *const        *paths,
                   const DeskImportOptions  *options,
                   DeskImportReport        **report,
                   GError                  **error)
{
  Importer im = { 0 };
  g_autoptr(DeskImportReport) rep = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean dry_run = options != NULL && options->dry_run;
  gboolean ok = FALSE;
  gint64 cache_size = 0, temp_store = 0;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (paths != NULL, FALSE);

  rep = report_new (dry_run);
  im.store = store;
  im.report = rep;
  im.today = desk_today ();
  im.sources = g_ptr_array_new_with_free_func ((GDestroyNotify) source_free);
  im.pending_staff = g_ptr_array_new_with_free_func (g_free);
  im.row_parties = g_ptr_array_new ();
  im.parties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) g_ptr_array_unref);
  im.case_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im.codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im.villages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; paths[i] != NULL; i++)
    collect_path (&im, paths[i]);
  /* Stable: files of one kind keep the order they were given in. */
  g_ptr_array_sort (im.sources, compare_sources);
  for (guint i = 0; i < im.sources->len; i++)
    load_source (&im, g_ptr_array_index (im.sources, i));

  if (im.sources->len == 0 && n_problems (rep) == 0)
    {
      g_set_error (error, DESK_IMPORT_ERROR, DESK_IMPORT_ERROR_NOTHING,
                   _("There is no file to import."));
      goto out;
    }

  /* The cases that mediation_parties.csv may name. */
  for (guint i = 0; i < im.sources->len; i++)
    {
      SourceFile *source = g_ptr_array_index (im.sources, i);
      int col = column_index (DESK_CSV_MEDIATION_CASES, "案号");

      if (source->kind != DESK_CSV_MEDIATION_CASES || !source->usable || source->index[col] < 0)
        continue;
      for (guint r = 0; r < source->table->rows->len; r++)
        {
          DeskCsvRow *row = g_ptr_array_index (source->table->rows, r);
          g_autofree char *number = desk_csv_unescape_formula (row->fields[source->index[col]]);

          g_strstrip (number);
          if (*number != '\0')
            g_hash_table_add (im.case_numbers, g_steal_pointer (&number));
        }
    }
  for (guint i = 0; i < im.sources->len; i++)
    {
      SourceFile *source = g_ptr_array_index (im.sources, i);

      if (source->kind == DESK_CSV_MEDIATION_PARTIES && source->usable)
        import_collect_parties (&im, source);
    }

  /* One transaction may hold a hundred thousand rows: keep its pages in
   * memory rather than write them out and read them back again, and the
   * undo records of each row's savepoint too (SQLite's defaults: 2 MB, a
   * temporary file).  Every row is a savepoint, at which the search index
   * would write out what it holds: it is brought up to date once, at the
   * end. */
  cache_size = pragma_int (store, "PRAGMA cache_size");
  temp_store = pragma_int (store, "PRAGMA temp_store");
  desk_store_exec (store, "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY", NULL);
  if (!desk_store_begin (store, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto out;
    }
  if (!desk_search_defer (store, &local_error))
    {
      desk_store_rollback (store);
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto out;
    }
  for (guint i = 0; i < im.sources->len; i++)
    {
      SourceFile *source = g_ptr_array_index (im.sources, i);

      /* Parties go in with their cases. */
      if (source->usable && source->kind != DESK_CSV_MEDIATION_PARTIES)
        import_source (&im, source);
    }

  if (n_problems (rep) > 0 || dry_run)
    desk_store_rollback (store);
  else if (!desk_search_catch_up (store, &local_error))
    {
      desk_store_rollback (store);
      add_problem (rep, "", 0, NULL, local_error->message);
      goto out_errors;
    }
  else if (!desk_store_commit (store, &local_error))
    {
      add_problem (rep, "", 0, NULL, local_error->message);
      goto out_errors;
    }
  else
    rep->written = TRUE;

out_errors:
  if (n_problems (rep) > 0)
    g_set_error (error, DESK_IMPORT_ERROR, DESK_IMPORT_ERROR_ROWS,
                 _("Nothing was imported: %u errors must be corrected first."),
                 n_problems (rep));
  else
    ok = TRUE;

out:
  if (cache_size != 0)
    {
      /* The values read above: numbers, not text from anywhere. */
      g_autofree char *restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT ";"
                                                  " PRAGMA temp_store = %" G_GINT64_FORMAT,
                                                  cache_size, temp_store);

      desk_store_exec (store, restore, NULL);
    }
  g_free (im.today);
  g_ptr_array_unref (im.sources);
  g_ptr_array_unref (im.pending_staff);
  g_ptr_array_unref (im.row_parties);
  g_hash_table_unref (im.parties);
  g_hash_table_unref (im.case_numbers);
  g_hash_table_unref (im.codes);
  g_hash_table_unref (im.villages);
  if (report != NULL)
    *report = g_steal_pointer (&rep);
  return ok;
}
