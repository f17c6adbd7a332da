/* desk-import-rows.c — one CSV row of each kind made into a record.
 *
 * Each function reads the row's cells (every problem reported against its
 * column), fills the record API's struct, decides whether the natural key
 * is already there, and creates the record through the API.  It runs
 * inside the row's savepoint: whatever it created is undone when the row
 * fails or is skipped.
 */
#define G_LOG_DOMAIN "desk-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-adviser.h"
#include "desk-codes.h"
#include "desk-consultation.h"
#include "desk-import-private.h"
#include "desk-legal-aid.h"
#include "desk-mediation.h"
#include "desk-register.h"
#include "desk-screening.h"

static RowResult
created (Importer     *im,
         gint64        id,
         const GError *error)
{
  if (id <= 0)
    {
      import_gerror (im, NULL, error);
      return ROW_FAILED;
    }
  return ROW_ADDED;
}

/* ------------------------------------------------------------------ */
/* Registers                                                           */

static RowResult
import_village (Importer *im)
{
  static const char *const village_kinds[] = { "村", "社区", NULL };
  g_autoptr(DeskVillage) village = desk_village_new ();
  g_autoptr(GError) error = NULL;
  const char *name = NULL;
  gboolean ok;
  int kind = -1;

  ok = cell_required (im, "名称", &name);
  ok &= cell_choice (im, "类型", village_kinds, TRUE, &kind);
  ok &= cell_plan_date (im, "启用日期", FALSE, &village->active_from);
  ok &= cell_plan_date (im, "停用日期", FALSE, &village->active_until);
  if (!ok)
    return ROW_FAILED;
  if (desk_village_find (im->store, name) > 0)
    return ROW_SKIPPED;

  village->name = g_strdup (name);
  village->kind = g_strdup (village_kinds[kind]);
  village->area_code = g_strdup (cell (im, "区划代码"));
  return created (im, desk_village_create (im->store, village, &error), error);
}

static RowResult
import_committee (Importer *im)
{
  g_autoptr(DeskCommittee) committee = desk_committee_new ();
  g_autoptr(GError) error = NULL;
  const char *name = NULL;
  const char *short_name = NULL;
  gboolean ok;

  ok = cell_required (im, "名称", &name);
  ok &= cell_required (im, "简称", &short_name);
  ok &= cell_code (im, "类型", DESK_CODE_COMMITTEE_TYPE, TRUE, &committee->type_id);
  ok &= cell_village (im, "村(居)", FALSE, &committee->village_id);
  ok &= cell_plan_date (im, "启用日期", FALSE, &committee->active_from);
  ok &= cell_plan_date (im, "停用日期", FALSE, &committee->active_until);
  if (!ok)
    return ROW_FAILED;
  if (desk_committee_find (im->store, name) > 0)
    return ROW_SKIPPED;

  committee->name = g_strdup (name);
  committee->short_name = g_strdup (short_name);
  return created (im, desk_committee_create (im->store, committee, &error), error);
}

static RowResult
import_mediator (Importer *im)
{
  static const char *const terms[] = { "专职", "兼职", NULL };
  g_autoptr(DeskMediator) mediator = desk_mediator_new ();
  g_autoptr(GError) error = NULL;
  const char *name = NULL;
  gboolean ok;
  int term = -1;

  ok = cell_required (im, "姓名", &name);
  ok &= cell_sex (im, "性别", FALSE, &mediator->sex);
  ok &= cell_committee (im, "调委会", &mediator->committee_id);
  ok &= cell_choice (im, "专兼职", terms, TRUE, &term);
  ok &= cell_plan_date (im, "启用日期", FALSE, &mediator->active_from);
  ok &= cell_plan_date (im, "停用日期", FALSE, &mediator->active_until);
  if (!ok)
    return ROW_FAILED;
  if (desk_mediator_find (im->store, name, mediator->committee_id) > 0)
    return ROW_SKIPPED;

  mediator->name = g_strdup (name);
  mediator->phone = g_strdup (cell (im, "手机"));
  mediator->full_time = term == 0;
  return created (im, desk_mediator_create (im->store, mediator, &error), error);
}

/* ------------------------------------------------------------------ */
/* Legal advisers                                                      */

static gint64
find_adviser (Importer   *im,
              const char *name,
              const char *institution)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = desk_store_prepare (im->store,
                             "SELECT id FROM advisers WHERE deleted_at IS NULL"
                             " AND name = ?1 AND institution = ?2", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, institution, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static RowResult
import_adviser (Importer *im)
{
  g_autoptr(DeskAdviser) adviser = desk_adviser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) villages = NULL;
  g_autoptr(GArray) village_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *name = NULL;
  const char *institution = NULL;
  gboolean ok;
  gint64 id;

  ok = cell_required (im, "姓名", &name);
  ok &= cell_sex (im, "性别", FALSE, &adviser->sex);
  ok &= cell_code (im, "执业类别", DESK_CODE_PRACTICE_TYPE, TRUE, &adviser->practice_type_id);
  ok &= cell_required (im, "执业机构", &institution);
  ok &= cell_plan_date (im, "聘期起", TRUE, &adviser->term_from);
  ok &= cell_plan_date (im, "聘期止", FALSE, &adviser->term_until);
  villages = cell_list (im, "服务村(居)");
  for (guint i = 0; villages[i] != NULL; i++)
    {
      gint64 village_id = desk_village_find (im->store, villages[i]);

      if (village_id <= 0)
        {
          import_problem (im, "服务村(居)",
                          _("there is no village or community called “%s”; list it in "
                            "villages.csv"), villages[i]);
          ok = FALSE;
        }
      g_array_append_val (village_ids, village_id);
    }
  if (!ok)
    return ROW_FAILED;
  if (find_adviser (im, name, institution) > 0)
    return ROW_SKIPPED;

  adviser->name = g_strdup (name);
  adviser->institution = g_strdup (institution);
  adviser->phone = g_strdup (cell (im, "手机"));
  adviser->licence_number = g_strdup (cell (im, "执业证号"));
  id = desk_adviser_create (im->store, adviser, &error);
  if (id <= 0)
    return created (im, id, error);

  /* Each listed village is served over the whole 聘期. */
  for (guint i = 0; i < village_ids->len; i++)
    {
      g_autoptr(DeskAdviserAssignment) assignment = desk_adviser_assignment_new ();

      assignment->adviser_id = id;
      assignment->village_id = g_array_index (village_ids, gint64, i);
      assignment->from_date = g_strdup (adviser->term_from);
      assignment->until_date = g_strdup (adviser->term_until);
      if (desk_adviser_assignment_create (im->store, assignment, &error) <= 0)
        {
          import_gerror (im, "服务村(居)", error);
          return ROW_FAILED;
        }
    }
  return ROW_ADDED;
}

static RowResult
import_assignment (Importer *im)
{
  g_autoptr(DeskAdviserAssignment) assignment = desk_adviser_assignment_new ();
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;
  gboolean exists = FALSE;

  ok = cell_adviser (im, "法律顾问", &assignment->adviser_id);
  ok &= cell_village (im, "村(居)", TRUE, &assignment->village_id);
  ok &= cell_plan_date (im, "起", TRUE, &assignment->from_date);
  ok &= cell_plan_date (im, "止", FALSE, &assignment->until_date);
  if (!ok)
    return ROW_FAILED;

  stmt = desk_store_prepare (im->store,
                             "SELECT 1 FROM adviser_assignments WHERE deleted_at IS NULL"
                             " AND adviser_id = ?1 AND village_id = ?2 AND from_date = ?3",
                             NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, assignment->adviser_id);
      sqlite3_bind_int64 (stmt, 2, assignment->village_id);
      sqlite3_bind_text (stmt, 3, assignment->from_date, -1, SQLITE_TRANSIENT);
      exists = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
    }
  if (exists)
    return ROW_SKIPPED;
  return created (im, desk_adviser_assignment_create (im->store, assignment, &error), error);
}

static RowResult
import_service (Importer *im)
{
  static const struct { const char *column; gsize offset; } counts[] = {
    { "解答咨询", G_STRUCT_OFFSET (DeskAdviserService, consults) },
    { "法治讲座", G_STRUCT_OFFSET (DeskAdviserService, lectures) },
    { "讲座受众", G_STRUCT_OFFSET (DeskAdviserService, audience) },
    { "参与调解", G_STRUCT_OFFSET (DeskAdviserService, mediations) },
    { "审查合同协议", G_STRUCT_OFFSET (DeskAdviserService, contracts) },
    { "审查村规民约", G_STRUCT_OFFSET (DeskAdviserService, village_rules) },
    { "代写文书", G_STRUCT_OFFSET (DeskAdviserService, documents) },
    { "引导法律援助", G_STRUCT_OFFSET (DeskAdviserService, aid_referrals) },
    { "培训人次", G_STRUCT_OFFSET (DeskAdviserService, trainees) },
    { "发放资料", G_STRUCT_OFFSET (DeskAdviserService, leaflets) },
  };
  g_autoptr(DeskAdviserService) service = desk_adviser_service_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;
  gint64 id;

  ok = cell_date (im, "日期", TRUE, &service->served_on);
  ok &= cell_adviser (im, "法律顾问", &service->adviser_id);
  ok &= cell_village (im, "村(居)", TRUE, &service->village_id);
  ok &= cell_code (im, "方式", DESK_CODE_SERVICE_MODE, TRUE, &service->mode_id);
  ok &= cell_half_hours (im, "时长", &service->half_hours);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    ok &= cell_count (im, counts[i].column, 0, 0,
                      G_STRUCT_MEMBER_P (service, counts[i].offset));
  if (!ok)
    return ROW_FAILED;
  service->notes = g_strdup (cell (im, "备注"));

  id = desk_adviser_service_create (im->store, service, &error);
  if (id <= 0)
    return created (im, id, error);
  return whole_row_result (im, id);
}

/* ------------------------------------------------------------------ */
/* Consultations                                                       */

static RowResult
import_consultation (Importer *im)
{
  static const char *const person_columns[] = {
    "证件类型", "证件号码", "手机", "性别", "出生日期",
  };
  g_autoptr(DeskConsultation) consultation = desk_consultation_new ();
  g_autoptr(DeskPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  const char *visitor = cell (im, "咨询人");
  const char *number = cell (im, "编号");
  gint64 existing = 0;
  gboolean ok;
  gint64 id;

  ok = cell_datetime (im, "日期时间", TRUE, &consultation->at);
  ok &= cell_code (im, "渠道", DESK_CODE_CHANNEL, TRUE, &consultation->channel_id);
  ok &= cell_village (im, "所在村(居)", FALSE, &consultation->village_id);
  ok &= cell_count (im, "同来人数", 1, 1, &consultation->companions);
  ok &= cell_code (im, "咨询类别", DESK_CODE_CONSULT_CATEGORY, TRUE,
                   &consultation->category_id);
  ok &= cell_code (im, "处理结果", DESK_CODE_CONSULT_RESULT, TRUE, &consultation->result_id);
  ok &= cell_staff (im, "接待人", &consultation->staff_id);
  consultation->content = g_strdup (cell (im, "咨询内容"));
  consultation->reply = g_strdup (cell (im, "答复意见"));

  if (visitor == NULL)
    {
      /* An anonymous visitor: nothing about them can be kept. */
      for (guint i = 0; i < G_N_ELEMENTS (person_columns); i++)
        if (cell (im, person_columns[i]) != NULL)
          {
            import_problem (im, person_columns[i],
                            _("咨询人 is empty (an anonymous visitor), so this cannot be "
                              "kept; fill in the name or clear the cell"));
            ok = FALSE;
          }
    }
  else
    {
      person = row_person (im, visitor, FALSE);
      ok &= person != NULL;
    }
  if (!ok)
    return ROW_FAILED;

  if (person != NULL)
    {
      person->village_id = consultation->village_id;
      if (!ensure_person (im, person, &consultation->person_id))
        return ROW_FAILED;
    }

  if (number != NULL)
    existing = find_by_number (im, "consultations", number);
  if (existing == 0)
    consultation->number = g_strdup (number);

  id = desk_consultation_create (im->store, consultation, &error);
  if (id <= 0)
    return created (im, id, error);
  if (existing > 0)
    return compare_numbered (im, existing, id, "编号", number);
  if (number != NULL)
    return ROW_ADDED;
  return whole_row_result (im, id);
}

/* ------------------------------------------------------------------ */
/* Screenings                                                          */

static RowResult
import_screening (Importer *im)
{
  g_autoptr(DeskScreening) screening = desk_screening_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;
  gint64 id;

  ok = cell_date (im, "日期", TRUE, &screening->date);
  ok &= cell_committee (im, "调委会", &screening->committee_id);
  ok &= cell_count (im, "排查发现纠纷", 0, 0, &screening->found);
  ok &= cell_count (im, "预防纠纷", 0, 0, &screening->prevented);
  if (!ok)
    return ROW_FAILED;
  screening->screener = g_strdup (cell (im, "排查人"));
  screening->notes = g_strdup (cell (im, "备注"));

  id = desk_screening_create (im->store, screening, &error);
  if (id <= 0)
    return created (im, id, error);
  return whole_row_result (im, id);
}

/* ------------------------------------------------------------------ */
/* Mediation cases and their parties                                   */

static PartyRow *
take_party (GPtrArray  *parties,
            const char *role,
            const char *name)
{
  for (guint i = 0; parties != NULL && i < parties->len; i++)
    {
      PartyRow *party = g_ptr_array_index (parties, i);

      if (!party->used && g_str_equal (party->role, role) && g_str_equal (party->name, name))
        {
          party->used = TRUE;
          return party;
        }
    }
  return NULL;
}

/* The register's entry for a party: from its row of mediation_parties.csv
 * when there is one, else from the name alone. */
static gboolean
party_person (Importer   *im,
              PartyRow   *party,
              const char *name,
              gint64     *person_id)
{
  g_autoptr(DeskPerson) person = NULL;
  RowContext saved;
  gboolean ok;

  if (party == NULL)
    {
      person = desk_person_new ();
      person->name = g_strdup (name);
      return ensure_person (im, person, person_id);
    }

  g_ptr_array_add (im->row_parties, party);
  enter_party_row (im, party, &saved);
  person = row_person (im, name, FALSE);
  ok = person != NULL && ensure_person (im, person, person_id);
  leave_party_row (im, &saved);
  return ok;
}

static gboolean
case_parties (Importer   *im,
              DeskCase   *mcase,
              const char *number)
{
  static const struct { const char *role; const char *column; DeskCaseRole value; } listed[] = {
    { "申请人", "申请人", DESK_CASE_APPLICANT },
    { "被申请人", "被申请人", DESK_CASE_RESPONDENT },
  };
  GPtrArray *parties = number ? g_hash_table_lookup (im->parties, number) : NULL;
  gboolean ok = TRUE;

  for (guint r = 0; r < G_N_ELEMENTS (listed); r++)
    {
      g_auto(GStrv) names = cell_list (im, listed[r].column);

      if (listed[r].value == DESK_CASE_APPLICANT && names[0] == NULL)
        {
          import_problem (im, listed[r].column, _("name at least one party"));
          ok = FALSE;
        }
      for (guint i = 0; names[i] != NULL; i++)
        {
          PartyRow *party = take_party (parties, listed[r].role, names[i]);
          gint64 person_id = 0;

          if (party_person (im, party, names[i], &person_id))
            desk_case_add_party (mcase, person_id, listed[r].value);
          else
            ok = FALSE;
        }
    }

  /* What remains of mediation_parties.csv for this case: 第三人 join the
   * case; anything else names a party the case does not list. */
  for (guint i = 0; parties != NULL && i < parties->len; i++)
    {
      PartyRow *party = g_ptr_array_index (parties, i);
      gint64 person_id = 0;

      if (party->used)
        continue;
      party->used = TRUE;
      if (g_str_equal (party->role, "第三人"))
        {
          if (party_person (im, party, party->name, &person_id))
            desk_case_add_party (mcase, person_id, DESK_CASE_THIRD_PARTY);
          else
            ok = FALSE;
        }
      else if (g_str_equal (party->role, "申请人") || g_str_equal (party->role, "被申请人"))
        {
          g_autofree char *message =
            g_strdup_printf (_("%s is not listed as %s of this case in mediation_cases.csv "
                               "(line %u)"), party->name, party->role, im->line);

          import_problem_at (im, party->source, party->line, "姓名", message);
          ok = FALSE;
        }
      else
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” is not one of: %s"), party->role, "申请人、被申请人、第三人");

          import_problem_at (im, party->source, party->line, "角色", message);
          ok = FALSE;
        }
    }
  return ok;
}

/* A case already there: its rows of mediation_parties.csv must name its
 * parties (those are skipped with it); a new party cannot be slipped into
 * an existing case by import. */
static gboolean
existing_case_parties (Importer   *im,
                       gint64      case_id,
                       const char *number)
{
  GPtrArray *parties = g_hash_table_lookup (im->parties, number);
  gboolean ok = TRUE;

  for (guint i = 0; parties != NULL && i < parties->len; i++)
    {
      PartyRow *party = g_ptr_array_index (parties, i);
      sqlite3_stmt *stmt;
      gboolean found = FALSE;

      stmt = desk_store_prepare (im->store,
                                 "SELECT 1 FROM case_parties cp JOIN people p"
                                 " ON p.id = cp.person_id"
                                 " WHERE cp.case_id = ?1 AND cp.role = ?2 AND p.name = ?3",
                                 NULL);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, case_id);
          sqlite3_bind_text (stmt, 2, party->role, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, party->name, -1, SQLITE_TRANSIENT);
          found = sqlite3_step (stmt) == SQLITE_ROW;
          sqlite3_reset (stmt);
        }
      if (!found)
        {
          g_autofree char *message =
            g_strdup_printf (_("case %s is already in the ledger without this party; add "
                               "the party to the case in the program"), number);

          import_problem_at (im, party->source, party->line, "姓名", message);
          ok = FALSE;
        }
    }
  return ok;
}

static RowResult
import_case (Importer *im)
{
  static const char *const forms[] = { "口头", "书面", NULL };
  static const struct { const char *column; gsize offset; } prevented[] = {
    { "防止民间纠纷引起自杀", G_STRUCT_OFFSET (DeskCase, prevent_suicide) },
    { "防止民间纠纷转化为刑事案件", G_STRUCT_OFFSET (DeskCase, prevent_criminal) },
    { "防止群体性上访", G_STRUCT_OFFSET (DeskCase, prevent_petition) },
    { "防止群体性械斗", G_STRUCT_OFFSET (DeskCase, prevent_fight) },
  };
  g_autoptr(DeskCase) mcase = desk_case_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) mediators = NULL;
  const char *number = cell (im, "案号");
  const char *status = NULL;
  gint64 existing = 0;
  int party_count = 0;
  int form = -1;
  gboolean ok;
  gint64 id;

  ok = cell_committee (im, "调委会", &mcase->committee_id);
  ok &= cell_date (im, "受理日期", TRUE, &mcase->accepted_on);
  ok &= cell_code (im, "案件来源", DESK_CODE_CASE_SOURCE, TRUE, &mcase->source_id);
  ok &= cell_code (im, "纠纷类型", DESK_CODE_DISPUTE_TYPE, TRUE, &mcase->dispute_type_id);
  ok &= cell_code (im, "难度", DESK_CODE_DIFFICULTY, FALSE, &mcase->difficulty_id);
  ok &= cell_count (im, "涉及当事人数", 0, 1, &party_count);
  mcase->summary = g_strdup (cell (im, "纠纷简要情况"));

  if (cell_required (im, "状态", &status))
    {
      mcase->status = desk_case_status_from_label (status);
      if (mcase->status == DESK_CASE_STATUS_ANY)
        {
          import_problem (im, "状态", _("“%s” is not one of: %s"), status,
                          "已受理、调解中、调解成功、调解不成功、终止");
          ok = FALSE;
        }
    }
  else
    ok = FALSE;
  ok &= cell_date (im, "结案日期", FALSE, &mcase->closed_on);
  ok &= cell_choice (im, "协议形式", forms, FALSE, &form);
  if (form >= 0)
    mcase->agreement_form = g_strdup (forms[form]);
  ok &= cell_money (im, "协议涉及金额", &mcase->agreement_amount);
  if (mcase->agreement_amount < 0)
    mcase->agreement_amount = DESK_CASE_NO_AMOUNT;
  ok &= cell_code (im, "履行情况", DESK_CODE_PERFORMANCE, FALSE, &mcase->performance_id);
  ok &= cell_date (im, "司法确认日期", FALSE, &mcase->confirmed_on);
  for (guint i = 0; i < G_N_ELEMENTS (prevented); i++)
    ok &= cell_count (im, prevented[i].column, 0, 0,
                      G_STRUCT_MEMBER_P (mcase, prevented[i].offset));
  mcase->agreement_content = g_strdup (cell (im, "协议内容"));
  mcase->performance_manner = g_strdup (cell (im, "履行方式"));
  mcase->performance_term = g_strdup (cell (im, "履行期限"));

  /* 调解员 are mediators of the case's own committee. */
  mediators = cell_list (im, "调解员");
  if (mediators[0] == NULL)
    {
      import_problem (im, "调解员", _("name at least one mediator"));
      ok = FALSE;
    }
  for (guint i = 0; mcase->committee_id > 0 && mediators[i] != NULL; i++)
    {
      gint64 mediator_id = desk_mediator_find (im->store, mediators[i], mcase->committee_id);

      if (mediator_id <= 0)
        {
          import_problem (im, "调解员", _("%s is not a mediator of %s; list them in "
                                          "mediators.csv"), mediators[i], cell (im, "调委会"));
          ok = FALSE;
        }
      else
        desk_case_add_mediator (mcase, mediator_id);
    }

  /* The parties are people of the register: only worth looking up once
   * the row itself is right. */
  ok = ok && case_parties (im, mcase, number);
  if (ok && number != NULL)
    existing = find_by_number (im, "mediation_cases", number);
  if (existing > 0)
    ok &= existing_case_parties (im, existing, number);
  if (!ok)
    return ROW_FAILED;

  if (party_count > 0)
    {
      mcase->party_count = party_count;
      mcase->party_count_manual = TRUE;
    }
  if (existing == 0)
    mcase->number = g_strdup (number);

  id = desk_case_create (im->store, mcase, DESK_CASE_WRITE_LENIENT, &error);
  if (id <= 0)
    return created (im, id, error);
  if (existing > 0)
    return compare_numbered (im, existing, id, "案号", number);
  if (number != NULL)
    return ROW_ADDED;
  return whole_row_result (im, id);
}

/* ------------------------------------------------------------------ */
/* Legal aid                                                           */

static RowResult
import_legal_aid (Importer *im)
{
  static const char *const typed[] = { "残疾人", "农民工", "农民", "军人军属", "外国人或无国籍人",
                                       NULL };
  static const char *const derived[] = { "老年人", "未成年人", "女性", "少数民族", "其他", NULL };
  static const char *const yes_no[] = { "是", "否", NULL };
  static const char *const decisions[] = { "给予", "不予", NULL };
  g_autoptr(DeskLegalAid) aid = desk_legal_aid_new ();
  g_autoptr(DeskPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) categories = NULL;
  const char *number = cell (im, "登记号");
  const char *applicant = NULL;
  const char *status = NULL;
  gboolean flags[5] = { FALSE };
  gint64 existing = 0;
  int complete = -1;
  int decision = -1;
  gboolean ok;
  gint64 id;

  ok = cell_datetime (im, "接收日期时间", TRUE, &aid->received_at);
  ok &= cell_required (im, "申请人", &applicant);

  categories = cell_list (im, "人员类别");
  for (guint i = 0; categories[i] != NULL; i++)
    {
      gboolean known = FALSE;

      for (guint j = 0; typed[j] != NULL; j++)
        if (g_str_equal (categories[i], typed[j]))
          known = flags[j] = TRUE;
      if (known)
        continue;
      if (g_strv_contains (derived, categories[i]))
        import_problem (im, "人员类别",
                        _("%s is worked out from 出生日期, 性别 and 民族; list only %s"),
                        categories[i], "残疾人、农民工、农民、军人军属、外国人或无国籍人");
      else
        import_problem (im, "人员类别", _("“%s” is not one of: %s"), categories[i],
                        "残疾人、农民工、农民、军人军属、外国人或无国籍人");
      ok = FALSE;
    }

  if (applicant != NULL)
    {
      person = row_person (im, applicant, flags[4]);
      ok &= person != NULL;
    }
  ok &= cell_village (im, "所在村(居)", FALSE, &aid->village_id);
  ok &= cell_code (im, "事项类型", DESK_CODE_AID_MATTER_TYPE, TRUE, &aid->matter_type_id);
  ok &= cell_code (im, "援助事项", DESK_CODE_AID_MATTER, TRUE, &aid->matter_id);
  ok &= cell_code (im, "经济困难情形", DESK_CODE_HARDSHIP, FALSE, &aid->hardship_id);
  ok &= cell_choice (im, "材料齐全", yes_no, TRUE, &complete);
  if (cell_required (im, "状态", &status))
    {
      aid->status = desk_aid_status_from_label (status);
      if (aid->status == DESK_AID_STATUS_NONE)
        {
          import_problem (im, "状态", _("“%s” is not one of: %s"), status,
                          "已接收、材料待补、已转交、中心已受理、决定给予、决定不予、已指派、"
                          "已结案、已终止、申请人撤回");
          ok = FALSE;
        }
    }
  else
    ok = FALSE;
  ok &= cell_date (im, "转交日期", FALSE, &aid->forwarded_on);
  ok &= cell_code (im, "转交方式", DESK_CODE_FORWARD_MODE, FALSE, &aid->forward_mode_id);
  ok &= cell_date (im, "决定日期", FALSE, &aid->decided_on);
  ok &= cell_choice (im, "决定结果", decisions, FALSE, &decision);
  ok &= cell_date (im, "撤回日期", FALSE, &aid->withdrawn_on);
  ok &= cell_staff (im, "接收人", &aid->receiver_id);
  if (!ok)
    return ROW_FAILED;

  person->village_id = aid->village_id;
  person->is_disabled = flags[0];
  person->is_migrant_worker = flags[1];
  person->is_farmer = flags[2];
  person->is_military = flags[3];
  if (!ensure_person (im, person, &aid->person_id))
    return ROW_FAILED;

  /* The application's own copy: what this row says (the ID number fills
   * in 性别 and 出生日期). */
  aid->sex = person->sex;
  aid->birth_date = g_strdup (person->birth_date);
  aid->ethnicity = g_strdup (person->ethnicity);
  aid->is_disabled = flags[0];
  aid->is_migrant_worker = flags[1];
  aid->is_farmer = flags[2];
  aid->is_military = flags[3];
  aid->is_foreigner = flags[4];
  aid->flags_given = TRUE;
  aid->materials_complete = complete == 0;
  aid->decision = decision == 0 ? DESK_AID_DECISION_GRANT
                : decision == 1 ? DESK_AID_DECISION_REFUSE : DESK_AID_DECISION_NONE;
  aid->summary = g_strdup (cell (im, "案情摘要"));

  if (number != NULL)
    existing = find_by_number (im, "legal_aid", number);
  if (existing == 0)
    aid->number = g_strdup (number);

  id = desk_legal_aid_create (im->store, aid, DESK_AID_CHECK_LENIENT, &error);
  if (id <= 0)
    return created (im, id, error);
  if (existing > 0)
    return compare_numbered (im, existing, id, "登记号", number);
  if (number != NULL)
    return ROW_ADDED;
  return whole_row_result (im, id);
}

RowImporter
import_row_function (DeskCsvKind kind)
{
  switch (kind)
    {
    case DESK_CSV_VILLAGES:
      return import_village;
    case DESK_CSV_COMMITTEES:
      return import_committee;
    case DESK_CSV_MEDIATORS:
      return import_mediator;
    case DESK_CSV_ADVISERS:
      return import_adviser;
    case DESK_CSV_ADVISER_ASSIGNMENTS:
      return import_assignment;
    case DESK_CSV_CONSULTATIONS:
      return import_consultation;
    case DESK_CSV_MEDIATION_CASES:
      return import_case;
    case DESK_CSV_SCREENINGS:
      return import_screening;
    case DESK_CSV_LEGAL_AID:
      return import_legal_aid;
    case DESK_CSV_ADVISER_SERVICES:
      return import_service;
    case DESK_CSV_MEDIATION_PARTIES:
    case DESK_CSV_N_KINDS:
    default:
      break;
    }
  g_return_val_if_reached (NULL);
}
