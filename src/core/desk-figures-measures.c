/* desk-figures-measures.c — what each figure of the forms counts, in SQL.
 *
 * One entry per measure of forms.md: the table, the index of the date it
 * counts by, the conditions, and the values its sums add up.  These
 * constants are the only SQL the figures are made of; the engine
 * (desk-figures-engine.c) composes them into the query that computes a
 * figure and the query that lists the records behind it.
 *
 * Rules that hold for every measure:
 * - a deleted record never counts (deleted_at IS NULL, which is also what
 *   lets SQLite use the partial date indexes), and neither does a record
 *   whose committee or adviser was deleted, so every sheet agrees;
 * - a period is [:lo, :hi), the day after its last day, which also works
 *   for the date-times of consultations and legal-aid receipts;
 * - snapshots ("on the month's last day") compare with :last and :next.
 */
#define G_LOG_DOMAIN "desk-figures"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-date.h"
#include "desk-figures-private.h"
#include "desk-settings.h"
#include "desk-validate.h"

#define CODE_ROW(col)   "(SELECT report_row FROM codes WHERE id = " col ")"
#define CODE_LABEL(col) "(SELECT label FROM codes WHERE id = " col ")"

/* A register entry active on :last (empty dates mean always). */
#define ACTIVE_ON_LAST(a) \
  "(" a ".active_from IS NULL OR " a ".active_from <= :last) AND " \
  "(" a ".active_until IS NULL OR " a ".active_until >= :last)"

#define CASE_LIVE \
  "c.deleted_at IS NULL AND (SELECT deleted_at FROM committees WHERE id = c.committee_id) IS NULL"
#define CASE_CLOSED "c.status IN ('调解成功', '调解不成功', '终止')"
#define CASE_CLOSED_IN "c.closed_on >= :lo AND c.closed_on < :hi AND " CASE_CLOSED
#define SCREENING_LIVE \
  "s.deleted_at IS NULL AND (SELECT deleted_at FROM committees WHERE id = s.committee_id) IS NULL"
#define SERVICE_LIVE \
  "v.deleted_at IS NULL AND (SELECT deleted_at FROM advisers WHERE id = v.adviser_id) IS NULL"
#define ON_SITE CODE_ROW ("v.mode_id") " = '实地'"

/* An assignment @g of a live adviser covering :last. */
#define ASSIGNMENT_ON_LAST(g) \
  g ".deleted_at IS NULL AND " g ".from_date <= :last AND " \
  "(" g ".until_date IS NULL OR " g ".until_date >= :last) AND " \
  "(SELECT deleted_at FROM advisers WHERE id = " g ".adviser_id) IS NULL"

/* Village l has an adviser / a village or community committee on :last. */
#define VILLAGE_HAS_ADVISER \
  "EXISTS (SELECT 1 FROM adviser_assignments g2 WHERE g2.village_id = l.id AND " \
  ASSIGNMENT_ON_LAST ("g2") ")"
#define VILLAGE_COMMITTEE_ON_LAST \
  "m2.village_id = l.id AND m2.deleted_at IS NULL AND " ACTIVE_ON_LAST ("m2") " AND " \
  CODE_ROW ("m2.type_id") " IN ('村调委会', '居(社区)调委会')"

/* The joins of a description: " · " between the parts that are there. */
static void
join_part (GString    *out,
           const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (out->len > 0)
    g_string_append (out, " · ");
  g_string_append (out, part);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  return desk_sql_dup_text (stmt, col);
}

static char *
describe_columns (sqlite3_stmt *stmt,
                  int           col,
                  int           n)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (int i = 0; i < n; i++)
    {
      g_autofree char *part = column_text (stmt, col + i);

      join_part (out, part);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* party · dispute type · committee · status */
static char *
describe_case (sqlite3_stmt *stmt,
               int           col)
{
  return describe_columns (stmt, col, 4);
}

/* person · category · channel · result · visitors */
static char *
describe_consultation (sqlite3_stmt *stmt,
                       int           col)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *person = column_text (stmt, col);
  g_autofree char *rest = describe_columns (stmt, col + 1, 3);
  gint64 visitors = sqlite3_column_int64 (stmt, col + 4);

  join_part (out, person ? person : _("anonymous"));
  join_part (out, rest);
  if (visitors > 1)
    {
      g_autofree char *v = g_strdup_printf (_("%lld visitors"), (long long) visitors);

      join_part (out, v);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* applicant · matter · status */
static char *
describe_aid (sqlite3_stmt *stmt,
              int           col)
{
  return describe_columns (stmt, col, 3);
}

/* committee · village · screener · found, prevented */
static char *
describe_screening (sqlite3_stmt *stmt,
                    int           col)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *rest = describe_columns (stmt, col, 3);
  g_autofree char *counts = g_strdup_printf (_("%lld disputes found, %lld prevented"),
                                             (long long) sqlite3_column_int64 (stmt, col + 3),
                                             (long long) sqlite3_column_int64 (stmt, col + 4));

  join_part (out, rest);
  join_part (out, counts);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
format_half_hours (gint64 half_hours)
{
  return g_strdup_printf ("%lld.%d", (long long) (half_hours / 2), half_hours % 2 ? 5 : 0);
}

/* adviser · village · mode · hours */
static char *
describe_service (sqlite3_stmt *stmt,
                  int           col)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *rest = describe_columns (stmt, col, 3);
  g_autofree char *hours = format_half_hours (sqlite3_column_int64 (stmt, col + 3));
  g_autofree char *text = g_strdup_printf (_("%s hours"), hours);

  join_part (out, rest);
  join_part (out, text);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* adviser · from … to … */
static char *
describe_assignment (sqlite3_stmt *stmt,
                     int           col)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *adviser = column_text (stmt, col);
  g_autofree char *from = column_text (stmt, col + 1);
  g_autofree char *until = column_text (stmt, col + 2);
  g_autofree char *span = until ? g_strdup_printf (_("assigned from %s to %s"), from, until)
                                : g_strdup_printf (_("assigned from %s"), from);

  join_part (out, adviser);
  join_part (out, span);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* committee · 专职/兼职 */
static char *
describe_mediator (sqlite3_stmt *stmt,
                   int           col)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *committee = column_text (stmt, col);

  join_part (out, committee);
  /* 专职 and 兼职 are the register's labels (data, not translated). */
  join_part (out, sqlite3_column_int (stmt, col + 1) ? "专职" : "兼职");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* kind · advisers · committees, on the last day */
static char *
describe_village (sqlite3_stmt *stmt,
                  int           col)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *kind = column_text (stmt, col);
  g_autofree char *advisers = column_text (stmt, col + 1);
  g_autofree char *committees = column_text (stmt, col + 2);
  g_autofree char *a = advisers ? g_strdup_printf (_("adviser: %s"), advisers)
                                : g_strdup (_("no adviser"));
  g_autofree char *c = committees ? g_strdup_printf (_("committee: %s"), committees)
                                  : g_strdup (_("no village or community committee"));

  join_part (out, kind);
  join_part (out, a);
  join_part (out, c);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The first party's name: its person is looked up once, not every party's
 * (the people of a large ledger lie far apart, a page read each). */
static const FigSource src_cases = {
  "mediation_case", "mediation_cases", "c", "c.id", "c.number",
  "(SELECT p.name FROM people p WHERE p.id = (SELECT cp.person_id FROM case_parties cp"
  "  WHERE cp.case_id = c.id ORDER BY cp.role <> '申请人', cp.sort_order, cp.id LIMIT 1)), "
  CODE_LABEL ("c.dispute_type_id") ", (SELECT name FROM committees WHERE id = c.committee_id), "
  "c.status",
  4, describe_case,
  {
    [FIG_DIM_DISPUTE] = CODE_ROW ("c.dispute_type_id"),
    [FIG_DIM_SOURCE] = CODE_ROW ("c.source_id"),
    [FIG_DIM_COMMITTEE] = "c.committee_id",
  },
};

static const FigSource src_consultations = {
  "consultation", "consultations", "q", "q.id", "q.number",
  "(SELECT name FROM people WHERE id = q.person_id), " CODE_LABEL ("q.category_id") ", "
  CODE_LABEL ("q.channel_id") ", " CODE_LABEL ("q.result_id") ", q.companions",
  5, describe_consultation,
  {
    [FIG_DIM_CATEGORY] = CODE_ROW ("q.category_id"),
    [FIG_DIM_CHANNEL] = CODE_ROW ("q.channel_id"),
    [FIG_DIM_RESULT] = CODE_ROW ("q.result_id"),
  },
};

static const FigSource src_aid = {
  "legal_aid", "legal_aid", "a", "a.id", "a.number",
  "(SELECT name FROM people WHERE id = a.person_id), " CODE_LABEL ("a.matter_id") ", a.status",
  3, describe_aid,
  {
    [FIG_DIM_MATTER] = CODE_ROW ("a.matter_id"),
  },
};

static const FigSource src_screenings = {
  "screening", "screenings", "s", "s.id", "NULL",
  "(SELECT name FROM committees WHERE id = s.committee_id), "
  "(SELECT name FROM villages WHERE id = s.village_id), s.screener, s.found, s.prevented",
  5, describe_screening,
  {
    [FIG_DIM_COMMITTEE] = "s.committee_id",
  },
};

static const FigSource src_services = {
  "adviser_service", "adviser_services", "v", "v.id", "NULL",
  "(SELECT name FROM advisers WHERE id = v.adviser_id), "
  "(SELECT name FROM villages WHERE id = v.village_id), " CODE_LABEL ("v.mode_id") ", "
  "v.half_hours",
  4, describe_service,
  {
    [FIG_DIM_ADVISER] = "v.adviser_id",
  },
};

/* An assignment is shown as the village it serves. */
static const FigSource src_assignments = {
  "village", "adviser_assignments", "g", "g.village_id",
  "(SELECT name FROM villages WHERE id = g.village_id)",
  "(SELECT name FROM advisers WHERE id = g.adviser_id), g.from_date, g.until_date",
  3, describe_assignment,
  {
    [FIG_DIM_ADVISER] = "g.adviser_id",
  },
};

static const FigSource src_mediators = {
  "mediator", "mediators", "d", "d.id", "d.name",
  "(SELECT name FROM committees WHERE id = d.committee_id), d.full_time",
  2, describe_mediator,
  {
    [FIG_DIM_COMMITTEE] = "d.committee_id",
  },
};

static const FigSource src_villages = {
  "village", "villages", "l", "l.id", "l.name",
  "l.kind, "
  "(SELECT group_concat (name, '、') FROM (SELECT a2.name FROM adviser_assignments g2"
  "  JOIN advisers a2 ON a2.id = g2.adviser_id"
  "  WHERE g2.village_id = l.id AND " ASSIGNMENT_ON_LAST ("g2") " ORDER BY g2.id)), "
  "(SELECT group_concat (name, '、') FROM (SELECT m2.name FROM committees m2"
  "  WHERE " VILLAGE_COMMITTEE_ON_LAST " ORDER BY m2.id))",
  3, describe_village,
  { NULL },
};

/* 法律咨询: consultations by 日期 (a date-time); sum: 同来人数. */
const FigMeasure fig_consultations = {
  "consultations", &src_consultations,
  { { "consultations_at", "q.deleted_at IS NULL AND q.at >= :lo AND q.at < :hi" } },
  "q.at", { "q.companions" },
};

/* 受理: cases by 受理日期; sum: 涉及当事人数. */
const FigMeasure fig_cases_accepted = {
  "cases_accepted", &src_cases,
  { { "cases_accepted", CASE_LIVE " AND c.accepted_on >= :lo AND c.accepted_on < :hi" } },
  "c.accepted_on", { "c.party_count" },
};

/* 办结: closed (调解成功, 调解不成功, 终止) by 结案日期; value: success,
 * for 成功率 = 调解成功 / 办结. */
const FigMeasure fig_cases_closed = {
  "cases_closed", &src_cases,
  { { "cases_closed", CASE_LIVE " AND " CASE_CLOSED_IN } },
  "c.closed_on", { "c.status = '调解成功'" },
};

/* 调解成功 by 结案日期; sum: 协议涉及金额 (fen). */
const FigMeasure fig_cases_success = {
  "cases_success", &src_cases,
  { { "cases_closed", CASE_LIVE " AND " CASE_CLOSED_IN " AND c.status = '调解成功'" } },
  "c.closed_on", { "coalesce (c.agreement_amount, 0)" },
};

const FigMeasure fig_cases_oral = {
  "cases_oral", &src_cases,
  { { "cases_closed", CASE_LIVE " AND " CASE_CLOSED_IN " AND c.status = '调解成功'"
                      " AND c.agreement_form = '口头'" } },
  "c.closed_on", { NULL },
};

const FigMeasure fig_cases_written = {
  "cases_written", &src_cases,
  { { "cases_closed", CASE_LIVE " AND " CASE_CLOSED_IN " AND c.status = '调解成功'"
                      " AND c.agreement_form = '书面'" } },
  "c.closed_on", { NULL },
};

/* 司法确认 by 司法确认日期. */
const FigMeasure fig_cases_confirmed = {
  "cases_confirmed", &src_cases,
  { { "cases_confirmed", CASE_LIVE " AND c.confirmed_on >= :lo AND c.confirmed_on < :hi" } },
  "c.confirmed_on", { NULL },
};

/* 期末未结: accepted on or before the last day and not closed by then, by
 * dates alone: the open cases, and those closed after the last day. */
const FigMeasure fig_cases_open = {
  "cases_open", &src_cases,
  {
    { "cases_open", CASE_LIVE " AND c.closed_on IS NULL AND c.accepted_on <= :last" },
    { "cases_closed", CASE_LIVE " AND c.closed_on > :last AND c.accepted_on <= :last" },
  },
  "c.accepted_on", { NULL },
};

/* 防激化: cases closed in the period that record the outcome with more
 * than 0 people; sum: those people. */
#define PREVENTED(name, column) \
  const FigMeasure fig_cases_prevent_##name = { \
    "cases_prevent_" #name, &src_cases, \
    { { "cases_closed", CASE_LIVE " AND " CASE_CLOSED_IN " AND c." column " > 0" } }, \
    "c.closed_on", { "c." column }, \
  }

PREVENTED (suicide, "prevent_suicide");
PREVENTED (criminal, "prevent_criminal");
PREVENTED (petition, "prevent_petition");
PREVENTED (fight, "prevent_fight");

/* 排查: screenings by 日期; sums: 排查发现纠纷, 预防纠纷. */
const FigMeasure fig_screenings = {
  "screenings", &src_screenings,
  { { "screenings_on", SCREENING_LIVE " AND s.screened_on >= :lo AND s.screened_on < :hi" } },
  "s.screened_on", { "s.found", "s.prevented" },
};

const char *const fig_aid_categories[] = {
  "老年人", "残疾人", "未成年人", "女性", "农民工", "农民", "少数民族", "军人军属",
  "外国人或无国籍人", "其他", NULL
};

/* 受援人类别, judged on the receipt date from the application's own copy
 * of the applicant's attributes. */
#define AID_CATEGORY_COLUMNS \
  "substr (a.received_at, 1, 10), a.sex, a.birth_date, a.ethnicity, a.is_disabled," \
  " a.is_migrant_worker, a.is_farmer, a.is_military, a.is_foreigner"

static gboolean
accept_aid_category (FigCtx       *ctx,
                     sqlite3_stmt *stmt,
                     int           col,
                     const char   *arg)
{
  const char *on = (const char *) sqlite3_column_text (stmt, col);
  const char *sex = (const char *) sqlite3_column_text (stmt, col + 1);
  const char *birth = (const char *) sqlite3_column_text (stmt, col + 2);
  const char *ethnicity = (const char *) sqlite3_column_text (stmt, col + 3);
  gboolean foreigner = sqlite3_column_int (stmt, col + 8) != 0;
  gboolean in[10];

  if (arg == NULL)
    return TRUE;    /* 申请件数 */

  in[0] = birth != NULL && desk_is_elderly (birth, on);   /* 老年人 */
  in[1] = sqlite3_column_int (stmt, col + 4) != 0;        /* 残疾人 */
  in[2] = birth != NULL && desk_is_minor (birth, on);     /* 未成年人 */
  in[3] = g_strcmp0 (sex, "女") == 0;                     /* 女性 */
  in[4] = sqlite3_column_int (stmt, col + 5) != 0;        /* 农民工 */
  in[5] = sqlite3_column_int (stmt, col + 6) != 0;        /* 农民 */
  in[6] = desk_is_minority (ethnicity, foreigner);        /* 少数民族 */
  in[7] = sqlite3_column_int (stmt, col + 7) != 0;        /* 军人军属 */
  in[8] = foreigner;                                      /* 外国人或无国籍人 */
  in[9] = TRUE;                                   /* 其他: none of the others */
  for (int i = 0; i < 9; i++)
    if (in[i])
      in[9] = FALSE;

  for (int i = 0; i < 10; i++)
    if (g_str_equal (arg, fig_aid_categories[i]))
      return in[i];
  return FALSE;
}

/* 接收申请 by 接收日期 (a date-time). */
const FigMeasure fig_aid_received = {
  "aid_received", &src_aid,
  { { "legal_aid_received",
      "a.deleted_at IS NULL AND a.received_at >= :lo AND a.received_at < :hi" } },
  "a.received_at", { NULL },
  AID_CATEGORY_COLUMNS, accept_aid_category, fig_aid_categories,
};

/* 转交 by 转交日期. */
const FigMeasure fig_aid_forwarded = {
  "aid_forwarded", &src_aid,
  { { "legal_aid_forwarded",
      "a.deleted_at IS NULL AND a.forwarded_on >= :lo AND a.forwarded_on < :hi" } },
  "a.forwarded_on", { NULL },
};

/* 按期转交: the working days after the day of receipt up to and including
 * the day of forwarding are no more than the limit; 材料待补 does not
 * pause the clock. */
static gboolean
accept_on_time (FigCtx       *ctx,
                sqlite3_stmt *stmt,
                int           col,
                const char   *arg)
{
  const char *received = (const char *) sqlite3_column_text (stmt, col);
  const char *forwarded = (const char *) sqlite3_column_text (stmt, col + 1);

  return desk_working_days_between (ctx->store, received, forwarded) <= ctx->aid_limit;
}

const FigMeasure fig_aid_on_time = {
  "aid_on_time", &src_aid,
  { { "legal_aid_forwarded",
      "a.deleted_at IS NULL AND a.forwarded_on >= :lo AND a.forwarded_on < :hi" } },
  "a.forwarded_on", { NULL },
  "substr (a.received_at, 1, 10), a.forwarded_on", accept_on_time, NULL,
};

/* 决定给予 / 决定不予 by 决定日期. */
const FigMeasure fig_aid_granted = {
  "aid_granted", &src_aid,
  { { "legal_aid_decided", "a.deleted_at IS NULL AND a.decided_on >= :lo AND a.decided_on < :hi"
                           " AND a.decision = '给予'" } },
  "a.decided_on", { NULL },
};

const FigMeasure fig_aid_refused = {
  "aid_refused", &src_aid,
  { { "legal_aid_decided", "a.deleted_at IS NULL AND a.decided_on >= :lo AND a.decided_on < :hi"
                           " AND a.decision = '不予'" } },
  "a.decided_on", { NULL },
};

/* 撤回 by 撤回日期. */
const FigMeasure fig_aid_withdrawn = {
  "aid_withdrawn", &src_aid,
  { { "legal_aid_withdrawn",
      "a.deleted_at IS NULL AND a.withdrawn_on >= :lo AND a.withdrawn_on < :hi" } },
  "a.withdrawn_on", { NULL },
};

/* 期末待转交: received on or before the last day and by then neither
 * forwarded nor withdrawn, by dates alone (材料待补 and earlier years
 * included): still pending, forwarded later, or withdrawn later. */
const FigMeasure fig_aid_pending = {
  "aid_pending", &src_aid,
  {
    { "legal_aid_pending", "a.deleted_at IS NULL AND a.forwarded_on IS NULL"
                           " AND a.withdrawn_on IS NULL AND a.received_at < :next" },
    { "legal_aid_forwarded", "a.deleted_at IS NULL AND a.forwarded_on > :last"
                             " AND a.received_at < :next"
                             " AND (a.withdrawn_on IS NULL OR a.withdrawn_on > :last)" },
    { "legal_aid_withdrawn", "a.deleted_at IS NULL AND a.forwarded_on IS NULL"
                             " AND a.withdrawn_on > :last AND a.received_at < :next" },
  },
  "a.received_at", { NULL },
};

/* 服务次数 by 日期; sums: 服务时长 in tenths of an hour, then the counts. */
const FigMeasure fig_services = {
  "services", &src_services,
  { { "adviser_services_on", SERVICE_LIVE " AND v.served_on >= :lo AND v.served_on < :hi" } },
  "v.served_on",
  { "v.half_hours * 5", "v.consults", "v.lectures", "v.audience", "v.mediations", "v.contracts",
    "v.village_rules", "v.documents", "v.aid_referrals", "v.trainees", "v.leaflets" },
};

/* 实地服务: 方式 实地 (by the mode's report row); sum: its hours. */
const FigMeasure fig_services_on_site = {
  "services_on_site", &src_services,
  { { "adviser_services_on", SERVICE_LIVE " AND v.served_on >= :lo AND v.served_on < :hi"
                             " AND " ON_SITE } },
  "v.served_on", { "v.half_hours * 5" },
};

/* 服务村(居)数: assignments covering the last day, of a live village. */
const FigMeasure fig_assignments = {
  "assignments", &src_assignments,
  { { NULL, ASSIGNMENT_ON_LAST ("g")
            " AND (SELECT deleted_at FROM villages WHERE id = g.village_id) IS NULL" } },
  "g.from_date", { NULL },
};

/* 调解员: memberships active on the last day; value: 专职. */
const FigMeasure fig_mediators = {
  "mediators", &src_mediators,
  { { NULL, "d.deleted_at IS NULL AND " ACTIVE_ON_LAST ("d")
            " AND (SELECT deleted_at FROM committees WHERE id = d.committee_id) IS NULL" } },
  ":last", { "d.full_time" },
};

/* 站点指标: villages active on the last day; values: has an adviser, has a
 * village or community committee. */
const FigMeasure fig_villages = {
  "villages", &src_villages,
  { { NULL, "l.deleted_at IS NULL AND " ACTIVE_ON_LAST ("l") } },
  ":last",
  { VILLAGE_HAS_ADVISER,
    "EXISTS (SELECT 1 FROM committees m2 WHERE " VILLAGE_COMMITTEE_ON_LAST ")" },
};

/* Checks: cases open on :last (as 期末未结) that were accepted before :hi,
 * the first day on which a case accepted then would still be within the
 * mediation time limit.  Only these are listed and described: the others
 * cannot be overdue, and describing a case reads its parties. */
const FigMeasure fig_cases_overdue = {
  "cases_overdue", &src_cases,
  {
    { "cases_open", CASE_LIVE " AND c.closed_on IS NULL AND c.accepted_on <= :last"
                    " AND c.accepted_on < :hi" },
    { "cases_closed", CASE_LIVE " AND c.closed_on > :last AND c.accepted_on <= :last"
                      " AND c.accepted_on < :hi" },
  },
  "c.accepted_on", { NULL },
};

/* Checks: applications pending on :last (as 期末待转交) received before
 * :hi, the day as many calendar days before :last as the forwarding limit
 * has working days.  An application received later cannot be over the
 * limit (working days never outnumber calendar days); the working days of
 * the others are counted in C. */
const FigMeasure fig_aid_overdue = {
  "aid_overdue", &src_aid,
  {
    { "legal_aid_pending", "a.deleted_at IS NULL AND a.forwarded_on IS NULL"
                           " AND a.withdrawn_on IS NULL AND a.received_at < :next"
                           " AND a.received_at < :hi" },
    { "legal_aid_forwarded", "a.deleted_at IS NULL AND a.forwarded_on > :last"
                             " AND a.received_at < :next"
                             " AND (a.withdrawn_on IS NULL OR a.withdrawn_on > :last)"
                             " AND a.received_at < :hi" },
    { "legal_aid_withdrawn", "a.deleted_at IS NULL AND a.forwarded_on IS NULL"
                             " AND a.withdrawn_on > :last AND a.received_at < :next"
                             " AND a.received_at < :hi" },
  },
  "a.received_at", { NULL },
};

/* Checks: 调解成功 without 协议形式 or 协议涉及金额. */
const FigMeasure fig_cases_no_agreement = {
  "cases_no_agreement", &src_cases,
  { { "cases_closed", CASE_LIVE " AND " CASE_CLOSED_IN " AND c.status = '调解成功'"
                      " AND (c.agreement_form IS NULL OR c.agreement_amount IS NULL)" } },
  "c.closed_on", { NULL },
};

/* Checks: an application without 出生日期 (老年人, 未成年人 cannot be judged). */
const FigMeasure fig_aid_no_birth_date = {
  "aid_no_birth_date", &src_aid,
  { { "legal_aid_received", "a.deleted_at IS NULL AND a.received_at >= :lo"
                            " AND a.received_at < :hi AND a.birth_date IS NULL" } },
  "a.received_at", { NULL },
};

/* Checks: a service for a village the adviser was not assigned to that day. */
const FigMeasure fig_services_unassigned = {
  "services_unassigned", &src_services,
  { { "adviser_services_on", SERVICE_LIVE " AND v.served_on >= :lo AND v.served_on < :hi"
      " AND NOT EXISTS (SELECT 1 FROM adviser_assignments g WHERE g.adviser_id = v.adviser_id"
      "  AND g.village_id = v.village_id AND g.deleted_at IS NULL AND g.from_date <= v.served_on"
      "  AND (g.until_date IS NULL OR g.until_date >= v.served_on))" } },
  "v.served_on", { NULL },
};

/* Checks: records dated after :last (today), one measure per counted date. */
#define FUTURE(name, source, index, live, column) \
  static const FigMeasure future_##name = { \
    "future_" #name, source, { { index, live " AND " column " >= :next" } }, column, { NULL }, \
  }

FUTURE (consultations, &src_consultations, "consultations_at", "q.deleted_at IS NULL", "q.at");
FUTURE (accepted, &src_cases, "cases_accepted", CASE_LIVE, "c.accepted_on");
FUTURE (closed, &src_cases, "cases_closed", CASE_LIVE, "c.closed_on");
FUTURE (confirmed, &src_cases, "cases_confirmed", CASE_LIVE, "c.confirmed_on");
FUTURE (screenings, &src_screenings, "screenings_on", SCREENING_LIVE, "s.screened_on");
FUTURE (received, &src_aid, "legal_aid_received", "a.deleted_at IS NULL", "a.received_at");
FUTURE (forwarded, &src_aid, "legal_aid_forwarded", "a.deleted_at IS NULL", "a.forwarded_on");
FUTURE (decided, &src_aid, "legal_aid_decided", "a.deleted_at IS NULL", "a.decided_on");
FUTURE (withdrawn, &src_aid, "legal_aid_withdrawn", "a.deleted_at IS NULL", "a.withdrawn_on");
FUTURE (services, &src_services, "adviser_services_on", SERVICE_LIVE, "v.served_on");

const FigMeasure *const *
fig_future_measures (void)
{
  static const FigMeasure *const list[] = {
    &future_consultations, &future_accepted, &future_closed, &future_confirmed,
    &future_screenings, &future_received, &future_forwarded, &future_decided,
    &future_withdrawn, &future_services, NULL
  };

  return list;
}
