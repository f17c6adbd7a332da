/* test-mediation.c — people's-mediation cases: numbering per committee and
 * year, every check with the field it names, the status flow, party counts,
 * follow-up visits, time limits, listing, and writes that fail cleanly. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-codes.h"
#include "desk-mediation.h"
#include "desk-settings.h"
#include "desk-test-util.h"

typedef struct
{
  DeskStore *store;
  gint64     qingshan;      /* 乡镇调委会, short name 青山, always active */
  gint64     dongcun;       /* 村调委会 东村, active from 2020-01-01 */
  gint64     xiling;        /* 村调委会 西岭, retired on 2025-06-30 */
  gint64     zhang;         /* mediator of 青山 */
  gint64     li;            /* mediator of 青山 until 2026-03-31 */
  gint64     wang;          /* mediator of 东村 */
  gint64     clerk;         /* staff */
  gint64     zhao, qian, sun, zhou_deleted;  /* people */
  gint64     consultation;  /* ZX2026-0001, 赵一, 引导人民调解 */
} Fixture;

static gint64
query_id (DeskStore  *store,
          const char *sql)
{
  gint64 id = desk_test_query_int (store, sql);

  g_assert_cmpint (id, >, 0);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static guint n;
  g_autofree char *name = g_strdup_printf ("mediation-%u.db", ++n);

  f->store = desk_test_open_store (name);
  desk_test_exec (f->store,
    "INSERT INTO committees (name, short_name, type_id, active_from, active_until,"
    " created_at, updated_at) VALUES"
    " ('青山镇人民调解委员会', '青山',"
    "  (SELECT id FROM codes WHERE kind = 'committee_type' AND label = '乡镇调委会'),"
    "  NULL, NULL, '2026-01-01 08:00:00', '2026-01-01 08:00:00'),"
    " ('东村人民调解委员会', '东村',"
    "  (SELECT id FROM codes WHERE kind = 'committee_type' AND label = '村调委会'),"
    "  '2020-01-01', NULL, '2026-01-01 08:00:00', '2026-01-01 08:00:00'),"
    " ('西岭村人民调解委员会', '西岭',"
    "  (SELECT id FROM codes WHERE kind = 'committee_type' AND label = '村调委会'),"
    "  NULL, '2025-06-30', '2026-01-01 08:00:00', '2026-01-01 08:00:00');"
    "INSERT INTO mediators (name, sex, committee_id, full_time, active_until, created_at,"
    " updated_at) VALUES"
    " ('张调解', '男', (SELECT id FROM committees WHERE short_name = '青山'), 1, NULL,"
    "  '2026-01-01 08:00:00', '2026-01-01 08:00:00'),"
    " ('李调解', '女', (SELECT id FROM committees WHERE short_name = '青山'), 0, '2026-03-31',"
    "  '2026-01-01 08:00:00', '2026-01-01 08:00:00'),"
    " ('王调解', '男', (SELECT id FROM committees WHERE short_name = '东村'), 0, NULL,"
    "  '2026-01-01 08:00:00', '2026-01-01 08:00:00');"
    "INSERT INTO staff (name, role, created_at, updated_at) VALUES"
    " ('刘文书', '工作人员', '2026-01-01 08:00:00', '2026-01-01 08:00:00');"
    "INSERT INTO people (name, sex, created_at, updated_at) VALUES"
    " ('赵一', '男', '2026-01-01 08:00:00', '2026-01-01 08:00:00'),"
    " ('钱二', '女', '2026-01-01 08:00:00', '2026-01-01 08:00:00'),"
    " ('孙三', '男', '2026-01-01 08:00:00', '2026-01-01 08:00:00'),"
    " ('周四', '女', '2026-01-01 08:00:00', '2026-01-01 08:00:00');"
    "UPDATE people SET deleted_at = '2026-02-01 08:00:00' WHERE name = '周四';"
    "INSERT INTO consultations (number, year, seq, at, staff_id, channel_id, person_id,"
    " category_id, content, result_id, created_at, updated_at) VALUES"
    " ('ZX2026-0001', 2026, 1, '2026-11-20 09:30', (SELECT id FROM staff),"
    "  (SELECT id FROM codes WHERE kind = 'channel' AND label = '来访'),"
    "  (SELECT id FROM people WHERE name = '赵一'),"
    "  (SELECT id FROM codes WHERE kind = 'consult_category' AND label = '邻里关系'),"
    "  '邻居占用通道，要求调解',"
    "  (SELECT id FROM codes WHERE kind = 'consult_result' AND label = '引导人民调解'),"
    "  '2026-11-20 09:40:00', '2026-11-20 09:40:00');"
    "INSERT INTO sequences (scope, year, last) VALUES ('consultation', 2026, 1);");

  f->qingshan = query_id (f->store, "SELECT id FROM committees WHERE short_name = '青山'");
  f->dongcun = query_id (f->store, "SELECT id FROM committees WHERE short_name = '东村'");
  f->xiling = query_id (f->store, "SELECT id FROM committees WHERE short_name = '西岭'");
  f->zhang = query_id (f->store, "SELECT id FROM mediators WHERE name = '张调解'");
  f->li = query_id (f->store, "SELECT id FROM mediators WHERE name = '李调解'");
  f->wang = query_id (f->store, "SELECT id FROM mediators WHERE name = '王调解'");
  f->clerk = query_id (f->store, "SELECT id FROM staff WHERE name = '刘文书'");
  f->zhao = query_id (f->store, "SELECT id FROM people WHERE name = '赵一'");
  f->qian = query_id (f->store, "SELECT id FROM people WHERE name = '钱二'");
  f->sun = query_id (f->store, "SELECT id FROM people WHERE name = '孙三'");
  f->zhou_deleted = query_id (f->store, "SELECT id FROM people WHERE name = '周四'");
  f->consultation = query_id (f->store, "SELECT id FROM consultations");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_setenv ("LEGALDESK_TODAY", "2026-11-23", TRUE);
}

static gint64
code (Fixture    *f,
      const char *kind,
      const char *label)
{
  gint64 id = desk_codes_find (f->store, kind, label);

  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return desk_test_query_int (f->store, sql);
}

/* A valid open case of 青山: 赵一 against 钱二, mediator 张调解. */
static DeskCase *
base_case (Fixture    *f,
           const char *accepted_on)
{
  DeskCase *c = desk_case_new ();

  c->committee_id = f->qingshan;
  c->accepted_on = g_strdup (accepted_on);
  c->registrar_id = f->clerk;
  c->source_id = code (f, DESK_CODE_CASE_SOURCE, "当事人申请");
  c->dispute_type_id = code (f, DESK_CODE_DISPUTE_TYPE, "邻里纠纷");
  c->summary = g_strdup ("两户因排水沟走向发生争执");
  desk_case_add_party (c, f->zhao, DESK_CASE_APPLICANT);
  desk_case_add_party (c, f->qian, DESK_CASE_RESPONDENT);
  desk_case_add_mediator (c, f->zhang);
  return c;
}

static void
make_success (DeskCase   *c,
              const char *closed_on)
{
  c->status = DESK_CASE_SUCCEEDED;
  g_free (c->closed_on);
  c->closed_on = g_strdup (closed_on);
  g_free (c->agreement_form);
  c->agreement_form = g_strdup ("书面");
  g_free (c->agreement_content);
  c->agreement_content = g_strdup ("钱二改建排水沟，赵一承担一半费用");
  c->agreement_amount = 150050;
  g_free (c->performance_manner);
  c->performance_manner = g_strdup ("一次性支付");
  g_free (c->performance_term);
  c->performance_term = g_strdup ("2026年12月31日前");
}

static gint64
create_ok (Fixture            *f,
           DeskCase           *c,
           DeskCaseWriteFlags  flags)
{
  g_autoptr(GError) error = NULL;
  gint64 id = desk_case_create (f->store, c, flags, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (c->id, ==, id);
  return id;
}

static void
update_ok (Fixture            *f,
           DeskCase           *c,
           DeskCaseWriteFlags  flags)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_case_update (f->store, c, flags, &error));
  g_assert_no_error (error);
}

static void
assert_field_error (GError     *error,
                    const char *expected)
{
  g_autofree char *name = NULL;

  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_INVALID);
  name = desk_error_get_field (error);
  if (g_strcmp0 (name, expected) != 0)
    g_error ("expected a field error on %s, got: %s", expected, error->message);
}

static void
create_fails (Fixture    *f,
              DeskCase   *c,
              const char *expected_field)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (desk_case_create (f->store, c, DESK_CASE_WRITE_DEFAULT, &error), ==, 0);
  assert_field_error (error, expected_field);
  g_assert_cmpint (c->id, ==, 0);
}

static void
update_fails (Fixture    *f,
              DeskCase   *c,
              const char *expected_field)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (desk_case_update (f->store, c, DESK_CASE_WRITE_DEFAULT, &error));
  assert_field_error (error, expected_field);
}

/* ------------------------------------------------------------------------ */

static void
test_number_format_parse (void)
{
  static const char *const bad[] = {
    "(2026)青山人调字第12号",        /* half-width parentheses */
    "（2026）青山人调字第12",         /* no 号 */
    "（2026）青山人调字第号",         /* no number */
    "（2026）青山人调字第0号",        /* numbers start at 1 */
    "（2026）人调字第3号",            /* no short name */
    "（26）青山人调字第3号",          /* two-digit year */
    "（2026）青山人调字第3号之一",    /* trailing text */
    "（2026）青山民调字第3号",        /* another kind of number */
    "（2026）青山人调字第１２号",     /* full-width digits */
    "（2026）青山人调字第99999999999号",
    "",
  };
  g_autofree char *number = desk_case_number_format (2026, "青山", 12);
  g_autofree char *short_name = NULL;
  int year = 0, seq = 0;

  g_assert_cmpstr (number, ==, "（2026）青山人调字第12号");
  g_assert_true (desk_case_number_parse (number, &year, &short_name, &seq, NULL));
  g_assert_cmpint (year, ==, 2026);
  g_assert_cmpstr (short_name, ==, "青山");
  g_assert_cmpint (seq, ==, 12);

  /* Old ledgers pad the number; it is kept as written. */
  g_clear_pointer (&short_name, g_free);
  g_assert_true (desk_case_number_parse ("（2019）东村人调字第007号", &year, &short_name, &seq,
                                         NULL));
  g_assert_cmpint (year, ==, 2019);
  g_assert_cmpstr (short_name, ==, "东村");
  g_assert_cmpint (seq, ==, 7);
  /* A short name that itself contains 人调 still parses. */
  g_clear_pointer (&short_name, g_free);
  g_assert_true (desk_case_number_parse ("（2026）人调中心人调字第1号", NULL, &short_name, NULL,
                                         NULL));
  g_assert_cmpstr (short_name, ==, "人调中心");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (desk_case_number_parse (bad[i], NULL, NULL, NULL, &error));
      assert_field_error (error, "案号");
      g_assert_nonnull (strstr (error->message, "（2026）青山人调字第12号"));
    }
}

static void
test_labels (void)
{
  DeskCaseRole role = DESK_CASE_APPLICANT;

  g_assert_cmpstr (desk_case_status_label (DESK_CASE_ACCEPTED), ==, "已受理");
  g_assert_cmpstr (desk_case_status_label (DESK_CASE_TERMINATED), ==, "终止");
  g_assert_null (desk_case_status_label (DESK_CASE_STATUS_ANY));
  g_assert_null (desk_case_status_label (42));
  g_assert_cmpint (desk_case_status_from_label ("调解不成功"), ==, DESK_CASE_FAILED);
  g_assert_cmpint (desk_case_status_from_label ("已结案"), ==, DESK_CASE_STATUS_ANY);
  g_assert_true (desk_case_status_is_closed (DESK_CASE_SUCCEEDED));
  g_assert_false (desk_case_status_is_closed (DESK_CASE_MEDIATING));
  g_assert_true (desk_case_role_from_label ("第三人", &role));
  g_assert_cmpint (role, ==, DESK_CASE_THIRD_PARTY);
  g_assert_false (desk_case_role_from_label ("证人", &role));
  g_assert_cmpstr (desk_case_role_label (DESK_CASE_RESPONDENT), ==, "被申请人");
}

static void
test_copy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(DeskCase) c = base_case (f, "2026-11-02");
  g_autoptr(DeskCase) copy = NULL;
  g_autoptr(DeskCaseVisit) visit = desk_case_visit_new ();
  g_autoptr(DeskCaseVisit) visit_copy = NULL;
  gpointer boxed;

  make_success (c, "2026-11-10");
  copy = desk_case_copy (c);
  g_assert_true (copy->accepted_on != c->accepted_on);
  g_assert_cmpstr (copy->accepted_on, ==, "2026-11-02");
  g_assert_cmpstr (copy->agreement_content, ==, c->agreement_content);
  g_assert_cmpint (copy->agreement_amount, ==, 150050);
  g_assert_true (copy->parties != c->parties);
  g_assert_cmpuint (copy->parties->len, ==, 2);
  g_assert_cmpint (g_array_index (copy->parties, DeskCaseParty, 1).person_id, ==, f->qian);
  g_assert_cmpuint (copy->mediator_ids->len, ==, 1);

  boxed = g_boxed_copy (DESK_TYPE_CASE, c);
  g_assert_cmpstr (((DeskCase *) boxed)->summary, ==, c->summary);
  g_boxed_free (DESK_TYPE_CASE, boxed);

  visit->visited_on = g_strdup ("2026-11-20");
  visit->notes = g_strdup ("已履行完毕");
  visit_copy = desk_case_visit_copy (visit);
  g_assert_true (visit_copy->notes != visit->notes);
  g_assert_cmpstr (visit_copy->notes, ==, "已履行完毕");
  g_assert_cmpint (g_type_fundamental (DESK_TYPE_CASE_VISIT), ==, G_TYPE_BOXED);

  /* A new case has no amount rather than 0 yuan. */
  g_clear_pointer (&copy, desk_case_free);
  copy = desk_case_new ();
  g_assert_cmpint (copy->agreement_amount, ==, DESK_CASE_NO_AMOUNT);
  g_assert_cmpint (copy->status, ==, DESK_CASE_ACCEPTED);
}

static void
test_numbering (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DeskCase) a = base_case (f, "2026-03-01");
  g_autoptr(DeskCase) b = base_case (f, "2026-03-05");
  g_autoptr(DeskCase) other = base_case (f, "2026-03-06");
  g_autoptr(DeskCase) last_year = base_case (f, "2025-12-30");
  g_autoptr(DeskCase) given = base_case (f, "2026-04-01");
  g_autoptr(DeskCase) after = base_case (f, "2026-04-02");
  g_autoptr(DeskCase) gap = base_case (f, "2026-04-03");
  g_autoptr(DeskCase) after_gap = base_case (f, "2026-04-04");
  g_autoptr(DeskCase) padded = base_case (f, "2019-05-01");
  g_autoptr(GError) error = NULL;
  gint64 deleted_id;

  create_ok (f, a, DESK_CASE_WRITE_DEFAULT);
  g_assert_cmpstr (a->number, ==, "（2026）青山人调字第1号");
  g_assert_cmpint (a->year, ==, 2026);
  g_assert_cmpint (a->seq, ==, 1);
  create_ok (f, b, DESK_CASE_WRITE_DEFAULT);
  g_assert_cmpstr (b->number, ==, "（2026）青山人调字第2号");

  /* Another committee has its own sequence. */
  other->committee_id = f->dongcun;
  g_array_index (other->mediator_ids, gint64, 0) = f->wang;
  create_ok (f, other, DESK_CASE_WRITE_DEFAULT);
  g_assert_cmpstr (other->number, ==, "（2026）东村人调字第1号");

  /* The year is the year of 受理日期, whatever today is. */
  create_ok (f, last_year, DESK_CASE_WRITE_DEFAULT);
  g_assert_cmpstr (last_year->number, ==, "（2025）青山人调字第1号");
  g_assert_cmpint (last_year->year, ==, 2025);

  /* A given number is kept, and later numbers continue after it. */
  given->number = g_strdup ("  （2026）青山人调字第10号 ");
  create_ok (f, given, DESK_CASE_WRITE_DEFAULT);
  g_assert_cmpstr (given->number, ==, "（2026）青山人调字第10号");
  g_assert_cmpint (given->seq, ==, 10);
  create_ok (f, after, DESK_CASE_WRITE_DEFAULT);
  g_assert_cmpstr (after->number, ==, "（2026）青山人调字第11号");

  /* A number below the highest that was never given may be given. */
  gap->number = g_strdup ("（2026）青山人调字第5号");
  create_ok (f, gap, DESK_CASE_WRITE_DEFAULT);
  create_ok (f, after_gap, DESK_CASE_WRITE_DEFAULT);
  g_assert_cmpstr (after_gap->number, ==, "（2026）青山人调字第12号");

  /* Padded numbers of old ledgers are kept as written. */
  padded->number = g_strdup ("（2019）青山人调字第007号");
  create_ok (f, padded, DESK_CASE_WRITE_DEFAULT);
  g_assert_cmpstr (padded->number, ==, "（2019）青山人调字第007号");
  g_assert_cmpint (padded->seq, ==, 7);

  /* Refused: used, wrong year, wrong committee, wrong form. */
  {
    static const struct { const char *accepted, *number; gint64 committee; } refused[] = {
      { "2026-05-01", "（2026）青山人调字第10号", 0 },    /* used */
      { "2026-05-01", "（2026）青山人调字第0010号", 0 },  /* the same sequence, padded */
      { "2026-05-01", "（2026）青山人调字第1号", 0 },     /* auto-assigned before */
      { "2026-05-01", "（2025）青山人调字第30号", 0 },    /* not the year accepted */
      { "2025-12-31", "（2026）青山人调字第30号", 0 },    /* not the year accepted */
      { "2026-05-01", "（2026）东村人调字第30号", 0 },    /* another committee's name */
      { "2026-05-01", "（2026）青山人调字第30号", 1 },    /* on 东村's case */
      { "2026-05-01", "(2026)青山人调字第30号", 0 },      /* half-width */
      { "2026-05-01", "青山人调字2026第30号", 0 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_autoptr(DeskCase) c = base_case (f, refused[i].accepted);

        c->number = g_strdup (refused[i].number);
        if (refused[i].committee)
          {
            c->committee_id = f->dongcun;
            g_array_index (c->mediator_ids, gint64, 0) = f->wang;
          }
        create_fails (f, c, "案号");
        /* What was typed stays as typed. */
        g_assert_cmpstr (c->number, ==, refused[i].number);
      }
  }

  /* Never reused, also after deletion: the deleted 第12号 stays given. */
  deleted_id = after_gap->id;
  g_assert_true (desk_case_delete (f->store, deleted_id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(DeskCase) next = base_case (f, "2026-06-01");
    g_autoptr(DeskCase) reuse = base_case (f, "2026-06-01");

    create_ok (f, next, DESK_CASE_WRITE_DEFAULT);
    g_assert_cmpstr (next->number, ==, "（2026）青山人调字第13号");
    reuse->number = g_strdup ("（2026）青山人调字第12号");
    create_fails (f, reuse, "案号");
  }
  g_assert_cmpint (desk_case_find_by_number (f->store, "（2026）青山人调字第12号"), ==, 0);
  g_assert_cmpint (desk_case_find_by_number (f->store, "（2026）青山人调字第13号"), >, 0);
  g_assert_cmpint (count (f, "SELECT last FROM sequences WHERE scope = 'case:1' AND year = 2026"),
                   ==, 13);
  g_assert_cmpint (count (f, "SELECT last FROM sequences WHERE year = 2019"), ==, 7);

  /* The store's own check finds every sequence in step. */
  {
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

    g_assert_true (desk_store_check (f->store, problems, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

/* Each case applies one wrong value to a valid case and names the field
 * the error must name; NULL ends the list. */
static const char *
apply_rejection (Fixture  *f,
                 DeskCase *c,
                 guint     i)
{
  gint64 dispute = code (f, DESK_CODE_DISPUTE_TYPE, "合同纠纷");

  switch (i)
    {
    case 0: c->committee_id = 0; return "调委会";
    case 1: c->committee_id = 999; return "调委会";
    case 2: g_clear_pointer (&c->accepted_on, g_free); return "受理日期";
    case 3: g_free (c->accepted_on); c->accepted_on = g_strdup ("2026-02-30"); return "受理日期";
    case 4: g_free (c->accepted_on); c->accepted_on = g_strdup ("2026-11-24"); return "受理日期";
    case 5: g_free (c->accepted_on); c->accepted_on = g_strdup ("下周一"); return "受理日期";
    case 6:   /* 东村 came into being in 2020 */
      c->committee_id = f->dongcun;
      g_array_index (c->mediator_ids, gint64, 0) = f->wang;
      g_free (c->accepted_on);
      c->accepted_on = g_strdup ("2019-12-31");
      return "受理日期";
    case 7:   /* 西岭 was retired in 2025 */
      c->committee_id = f->xiling;
      g_array_set_size (c->mediator_ids, 0);
      return "受理日期";
    case 8: c->registrar_id = 999; return "承办人";
    case 9: c->source_id = 0; return "案件来源";
    case 10: c->source_id = dispute; return "案件来源";
    case 11: c->dispute_type_id = 0; return "纠纷类型";
    case 12: c->dispute_type_id = code (f, DESK_CODE_CASE_SOURCE, "当事人申请"); return "纠纷类型";
    case 13: c->dispute_type_id = 99999; return "纠纷类型";
    case 14: c->difficulty_id = dispute; return "难度";
    case 15: c->risk_id = code (f, DESK_CODE_DIFFICULTY, "疑难"); return "风险预判";
    case 16: g_array_set_size (c->parties, 0); return "当事人";
    case 17: g_array_remove_index (c->parties, 0); return "当事人";   /* no 申请人 */
    case 18: desk_case_add_party (c, 999, DESK_CASE_THIRD_PARTY); return "当事人";
    case 19: desk_case_add_party (c, f->zhou_deleted, DESK_CASE_THIRD_PARTY); return "当事人";
    case 20: desk_case_add_party (c, f->zhao, DESK_CASE_THIRD_PARTY); return "当事人";
    case 21: desk_case_add_party (c, f->sun, (DeskCaseRole) 7); return "当事人";
    case 22: c->party_count_manual = TRUE; c->party_count = 1; return "涉及当事人数";
    case 23: desk_case_add_mediator (c, 999); return "调解员";
    case 24: desk_case_add_mediator (c, f->wang); return "调解员";    /* of 东村 */
    case 25: desk_case_add_mediator (c, f->zhang); return "调解员";   /* twice */
    case 26: desk_case_add_mediator (c, f->li); return "调解员";      /* left in March */
    case 27: c->status = DESK_CASE_STATUS_ANY; return "状态";
    case 28: c->status = (DeskCaseStatus) 99; return "状态";
    case 29: c->status = DESK_CASE_FAILED; return "结案日期";
    case 30: c->closed_on = g_strdup ("2026-11-20"); return "结案日期";
    case 31: c->status = DESK_CASE_TERMINATED; c->closed_on = g_strdup ("2026-10-31");
      return "结案日期";                                              /* before 受理 */
    case 32: c->status = DESK_CASE_TERMINATED; c->closed_on = g_strdup ("2026-11-24");
      return "结案日期";                                              /* future */
    case 33: c->status = DESK_CASE_TERMINATED; c->closed_on = g_strdup ("2026-11-31");
      return "结案日期";
    case 34: c->status = DESK_CASE_FAILED; c->closed_on = g_strdup ("2026-11-20");
      c->agreement_form = g_strdup ("书面"); return "协议形式";
    case 35: make_success (c, "2026-11-20"); g_free (c->agreement_form);
      c->agreement_form = g_strdup ("口述"); return "协议形式";
    case 36: make_success (c, "2026-11-20"); g_clear_pointer (&c->agreement_form, g_free);
      return "协议形式";
    case 37: make_success (c, "2026-11-20"); g_free (c->agreement_content);
      c->agreement_content = g_strdup ("   "); return "协议内容";
    case 38: make_success (c, "2026-11-20"); c->agreement_amount = DESK_CASE_NO_AMOUNT;
      return "协议涉及金额";
    case 39: make_success (c, "2026-11-20"); c->agreement_amount = -500; return "协议涉及金额";
    case 40: make_success (c, "2026-11-20"); g_clear_pointer (&c->performance_manner, g_free);
      return "履行方式";
    case 41: make_success (c, "2026-11-20"); g_clear_pointer (&c->performance_term, g_free);
      return "履行期限";
    case 42: c->status = DESK_CASE_FAILED; c->closed_on = g_strdup ("2026-11-20");
      c->performance_id = code (f, DESK_CODE_PERFORMANCE, "已履行"); return "履行情况";
    case 43: make_success (c, "2026-11-20");
      c->performance_id = code (f, DESK_CODE_SATISFACTION, "满意"); return "履行情况";
    case 44: c->confirmed_on = g_strdup ("2026-11-20"); return "司法确认日期";  /* open */
    case 45: make_success (c, "2026-11-20"); c->confirmed_on = g_strdup ("2026-11-19");
      return "司法确认日期";
    case 46: make_success (c, "2026-11-20"); c->confirmed_on = g_strdup ("2026-11-25");
      return "司法确认日期";
    case 47: c->prevent_suicide = -1; return "防止民间纠纷引起自杀";
    case 48: c->prevent_criminal = -2; return "防止民间纠纷转化为刑事案件";
    case 49: c->prevent_petition = -1; return "防止群体性上访";
    case 50: c->prevent_fight = -1; return "防止群体性械斗";
    case 51: c->retention = g_strdup ("十年"); return "卷宗保管期限";
    case 52: c->filed_on = g_strdup ("2026-11-20"); return "立卷日期";            /* open */
    case 53: make_success (c, "2026-11-20"); c->filed_on = g_strdup ("2026-11-19");
      return "立卷日期";
    case 54: make_success (c, "2026-11-20"); c->filed_on = g_strdup ("2026-12-01");
      return "立卷日期";
    case 55: c->consultation_id = 999; return "关联咨询";
    case 56: c->number = g_strdup ("第1号"); return "案号";
    default: return NULL;
    }
}

static void
test_rejections (Fixture       *f,
                 gconstpointer  data)
{
  const char *expected;
  guint i;

  for (i = 0; ; i++)
    {
      g_autoptr(DeskCase) c = base_case (f, "2026-11-02");
      g_autoptr(DeskCase) before = NULL;

      expected = apply_rejection (f, c, i);
      if (expected == NULL)
        break;
      g_test_message ("rejection %u: %s", i, expected);
      before = desk_case_copy (c);
      create_fails (f, c, expected);
      /* Nothing typed is lost or changed. */
      g_assert_cmpstr (c->accepted_on, ==, before->accepted_on);
      g_assert_cmpstr (c->number, ==, before->number);
      g_assert_cmpint (c->party_count, ==, before->party_count);
    }
  g_assert_cmpuint (i, ==, 57);

  /* Nothing was written, not even a number. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM mediation_cases"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM case_parties"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM case_mediators"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sequences WHERE scope LIKE 'case:%'"), ==, 0);

  /* Messages are sentences in the clerk's language. */
  {
    g_autoptr(DeskCase) c = base_case (f, "2026-11-02");
    g_autoptr(GError) error = NULL;

    c->status = DESK_CASE_TERMINATED;
    c->closed_on = g_strdup ("2026-11-01");
    g_assert_false (desk_case_validate (f->store, c, DESK_CASE_WRITE_DEFAULT, &error));
    g_assert_cmpstr (error->message, ==, "结案日期：不能早于受理日期（2026-11-02）");
    g_clear_error (&error);

    g_free (c->closed_on);
    c->closed_on = g_strdup ("2026-11-03");
    desk_case_add_mediator (c, f->wang);
    g_assert_false (desk_case_validate (f->store, c, DESK_CASE_WRITE_DEFAULT, &error));
    g_assert_cmpstr (error->message, ==,
                     "调解员：“王调解”不是“青山镇人民调解委员会”的调解员");
  }
}

static void
test_valid_values (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(DeskCase) c = base_case (f, " 2026/11/2 ");
  g_autoptr(DeskCase) got = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  /* Everything a clerk may fill in, in forms the date check reads. */
  c->difficulty_id = code (f, DESK_CODE_DIFFICULTY, "一般");
  c->risk_id = code (f, DESK_CODE_RISK, "可能引起群体性上访");
  c->request = g_strdup ("  请求恢复排水沟原状  ");
  desk_case_add_party (c, f->sun, DESK_CASE_THIRD_PARTY);
  desk_case_add_mediator (c, f->li);   /* retired later, but not before the case */
  g_free (c->accepted_on);
  c->accepted_on = g_strdup ("2026-03-02");
  make_success (c, "2026-03-20");
  g_free (c->agreement_form);
  c->agreement_form = g_strdup ("口头");
  c->agreement_amount = 0;   /* an agreement without money */
  c->performance_id = code (f, DESK_CODE_PERFORMANCE, "部分履行");
  c->confirmed_on = g_strdup ("2026-04-01");
  c->prevent_petition = 12;
  c->prevent_suicide = 1;
  c->retention = g_strdup ("长期");
  c->filed_on = g_strdup ("2026-04-10");

  id = create_ok (f, c, DESK_CASE_WRITE_DEFAULT);
  g_assert_cmpstr (c->request, ==, "请求恢复排水沟原状");
  g_assert_nonnull (c->created_at);
  g_assert_cmpstr (c->created_at, ==, c->updated_at);

  got = desk_case_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->number, ==, "（2026）青山人调字第1号");
  g_assert_cmpint (got->committee_id, ==, f->qingshan);
  g_assert_cmpstr (got->accepted_on, ==, "2026-03-02");
  g_assert_cmpint (got->registrar_id, ==, f->clerk);
  g_assert_cmpint (got->difficulty_id, ==, c->difficulty_id);
  g_assert_cmpint (got->risk_id, ==, c->risk_id);
  g_assert_cmpint (got->party_count, ==, 3);
  g_assert_false (got->party_count_manual);
  g_assert_cmpstr (got->summary, ==, "两户因排水沟走向发生争执");
  g_assert_cmpint (got->status, ==, DESK_CASE_SUCCEEDED);
  g_assert_cmpstr (got->closed_on, ==, "2026-03-20");
  g_assert_cmpstr (got->agreement_form, ==, "口头");
  g_assert_cmpint (got->agreement_amount, ==, 0);
  g_assert_cmpstr (got->performance_manner, ==, "一次性支付");
  g_assert_cmpstr (got->performance_term, ==, "2026年12月31日前");
  g_assert_cmpint (got->performance_id, ==, c->performance_id);
  g_assert_cmpstr (got->confirmed_on, ==, "2026-04-01");
  g_assert_cmpint (got->prevent_petition, ==, 12);
  g_assert_cmpint (got->prevent_suicide, ==, 1);
  g_assert_cmpint (got->prevent_criminal, ==, 0);
  g_assert_cmpstr (got->retention, ==, "长期");
  g_assert_cmpstr (got->filed_on, ==, "2026-04-10");
  g_assert_cmpuint (got->parties->len, ==, 3);
  g_assert_cmpint (g_array_index (got->parties, DeskCaseParty, 0).person_id, ==, f->zhao);
  g_assert_cmpint (g_array_index (got->parties, DeskCaseParty, 0).role, ==, DESK_CASE_APPLICANT);
  g_assert_cmpint (g_array_index (got->parties, DeskCaseParty, 2).role, ==,
                   DESK_CASE_THIRD_PARTY);
  g_assert_cmpuint (got->mediator_ids->len, ==, 2);
  g_assert_cmpint (g_array_index (got->mediator_ids, gint64, 1), ==, f->li);
  g_assert_cmpint (count (f, "SELECT count(*) FROM case_parties WHERE role = '第三人'"), ==, 1);

  /* Dates in other forms are stored as YYYY-MM-DD. */
  {
    g_autoptr(DeskCase) d = base_case (f, "2026年11月2日");

    create_ok (f, d, DESK_CASE_WRITE_DEFAULT);
    g_assert_cmpstr (d->accepted_on, ==, "2026-11-02");
    g_assert_cmpint (count (f, "SELECT count(*) FROM mediation_cases"
                              " WHERE accepted_on = '2026-11-02'"), ==, 1);
  }
  g_assert_cmpint (desk_case_find_by_number (f->store, got->number), ==, id);
  g_assert_cmpint (desk_case_find_by_number (f->store, "（2026）青山人调字第99号"), ==, 0);
}

static void
test_status_flow (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(DeskCase) c = base_case (f, "2026-11-02");
  g_autoptr(DeskCase) quick = base_case (f, "2026-11-02");
  g_autoptr(DeskCase) direct = base_case (f, "2026-11-02");

  create_ok (f, c, DESK_CASE_WRITE_DEFAULT);
  g_assert_cmpint (c->status, ==, DESK_CASE_ACCEPTED);

  c->status = DESK_CASE_MEDIATING;
  update_ok (f, c, DESK_CASE_WRITE_DEFAULT);

  /* Never back to 已受理. */
  c->status = DESK_CASE_ACCEPTED;
  update_fails (f, c, "状态");
  c->status = DESK_CASE_MEDIATING;

  /* Closing needs 结案日期, on or after 受理日期, not in the future. */
  c->status = DESK_CASE_SUCCEEDED;
  update_fails (f, c, "结案日期");
  make_success (c, "2026-11-01");
  update_fails (f, c, "结案日期");
  make_success (c, "2026-11-24");
  update_fails (f, c, "结案日期");
  make_success (c, "2026-11-02");   /* the same day is fine */
  update_ok (f, c, DESK_CASE_WRITE_DEFAULT);
  g_assert_cmpstr (c->closed_on, ==, "2026-11-02");

  /* Correcting the outcome: 协议形式 belongs to 调解成功 only. */
  c->status = DESK_CASE_FAILED;
  update_fails (f, c, "协议形式");
  g_clear_pointer (&c->agreement_form, g_free);
  update_ok (f, c, DESK_CASE_WRITE_DEFAULT);

  /* A closed case never goes back to 已受理; reopening to 调解中 clears the
   * closing date first. */
  c->status = DESK_CASE_ACCEPTED;
  g_clear_pointer (&c->closed_on, g_free);
  update_fails (f, c, "状态");
  c->status = DESK_CASE_MEDIATING;
  c->closed_on = g_strdup ("2026-11-02");
  update_fails (f, c, "结案日期");
  g_clear_pointer (&c->closed_on, g_free);
  update_ok (f, c, DESK_CASE_WRITE_DEFAULT);
  g_assert_cmpint (count (f, "SELECT count(*) FROM mediation_cases WHERE status = '调解中'"
                             " AND closed_on IS NULL"), ==, 1);

  /* 已受理 straight to 终止 (withdrawn on the day it came in). */
  create_ok (f, quick, DESK_CASE_WRITE_DEFAULT);
  quick->status = DESK_CASE_TERMINATED;
  quick->closed_on = g_strdup ("2026-11-02");
  update_ok (f, quick, DESK_CASE_WRITE_DEFAULT);

  /* A case entered after the fact may be created closed. */
  make_success (direct, "2026-11-20");
  create_ok (f, direct, DESK_CASE_WRITE_DEFAULT);
  g_assert_cmpint (count (f, "SELECT count(*) FROM mediation_cases WHERE status = '调解成功'"),
                   ==, 1);
}

static void
test_lenient_import (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(DeskCase) c = base_case (f, "2024-05-06");
  g_autoptr(DeskCase) got = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) missing = NULL;

  /* An old ledger knew only the status, the date and the amount. */
  c->status = DESK_CASE_SUCCEEDED;
  c->closed_on = g_strdup ("2024-05-20");
  c->agreement_amount = 300000;
  create_fails (f, c, "协议形式");
  create_ok (f, c, DESK_CASE_WRITE_LENIENT);

  got = desk_case_get (f->store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->agreement_amount, ==, 300000);
  missing = desk_case_missing_fields (got);
  g_assert_cmpuint (g_strv_length (missing), ==, 4);
  g_assert_cmpstr (missing[0], ==, "协议形式");
  g_assert_cmpstr (missing[1], ==, "协议内容");
  g_assert_cmpstr (missing[2], ==, "履行方式");
  g_assert_cmpstr (missing[3], ==, "履行期限");
  g_clear_pointer (&missing, g_strfreev);

  /* Edited by a clerk, the record must be completed... */
  g_free (got->summary);
  got->summary = g_strdup ("宅基地界址争议");
  update_fails (f, got, "协议形式");
  /* ...unless the importer writes it again. */
  update_ok (f, got, DESK_CASE_WRITE_LENIENT);

  got->agreement_form = g_strdup ("书面");
  got->agreement_content = g_strdup ("按原界址重新立桩");
  got->performance_manner = g_strdup ("现场履行");
  got->performance_term = g_strdup ("当场履行");
  update_ok (f, got, DESK_CASE_WRITE_DEFAULT);
  missing = desk_case_missing_fields (got);
  g_assert_cmpuint (g_strv_length (missing), ==, 0);
  g_clear_pointer (&missing, g_strfreev);

  /* Only 调解成功 asks for an agreement; the amount is missing too when
   * none was given. */
  got->agreement_amount = DESK_CASE_NO_AMOUNT;
  missing = desk_case_missing_fields (got);
  g_assert_cmpuint (g_strv_length (missing), ==, 1);
  g_assert_cmpstr (missing[0], ==, "协议涉及金额");
  g_clear_pointer (&missing, g_strfreev);
  got->status = DESK_CASE_FAILED;
  missing = desk_case_missing_fields (got);
  g_assert_cmpuint (g_strv_length (missing), ==, 0);

  /* Lenient does not relax anything else. */
  {
    g_autoptr(DeskCase) d = base_case (f, "2024-05-06");

    d->status = DESK_CASE_SUCCEEDED;
    g_assert_cmpint (desk_case_create (f->store, d, DESK_CASE_WRITE_LENIENT, &error), ==, 0);
    assert_field_error (error, "结案日期");
    g_clear_error (&error);
    d->closed_on = g_strdup ("2024-05-07");
    d->agreement_form = g_strdup ("手写");
    g_assert_cmpint (desk_case_create (f->store, d, DESK_CASE_WRITE_LENIENT, &error), ==, 0);
    assert_field_error (error, "协议形式");
  }
}

static void
test_party_count (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(DeskCase) c = base_case (f, "2026-11-02");
  g_autoptr(DeskCase) group = base_case (f, "2026-11-02");

  /* Follows the parties, all three roles. */
  c->party_count = 40;   /* ignored: not set by hand */
  desk_case_add_party (c, f->sun, DESK_CASE_THIRD_PARTY);
  create_ok (f, c, DESK_CASE_WRITE_DEFAULT);
  g_assert_cmpint (c->party_count, ==, 3);
  g_array_remove_index (c->parties, 2);
  update_ok (f, c, DESK_CASE_WRITE_DEFAULT);
  g_assert_cmpint (c->party_count, ==, 2);
  g_assert_cmpint (count (f, "SELECT party_count FROM mediation_cases"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM case_parties"), ==, 2);

  /* Set by hand for a group dispute, never below the parties listed. */
  group->party_count_manual = TRUE;
  group->party_count = 35;
  create_ok (f, group, DESK_CASE_WRITE_DEFAULT);
  g_assert_cmpint (group->party_count, ==, 35);
  group->party_count = 2;   /* equal is fine */
  update_ok (f, group, DESK_CASE_WRITE_DEFAULT);
  desk_case_add_party (group, f->sun, DESK_CASE_RESPONDENT);
  update_fails (f, group, "涉及当事人数");
  group->party_count = -3;
  update_fails (f, group, "涉及当事人数");
  /* Back to following the parties. */
  group->party_count_manual = FALSE;
  update_ok (f, group, DESK_CASE_WRITE_DEFAULT);
  g_assert_cmpint (group->party_count, ==, 3);
}

static void
test_update_rules (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(DeskCase) c = base_case (f, "2026-11-02");
  g_autoptr(DeskCase) got = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  gint64 id;

  id = create_ok (f, c, DESK_CASE_WRITE_DEFAULT);
  number = g_strdup (c->number);

  /* The number never changes; a missing one is kept. */
  g_free (c->number);
  c->number = g_strdup ("（2026）青山人调字第8号");
  update_fails (f, c, "案号");
  g_clear_pointer (&c->number, g_free);
  update_ok (f, c, DESK_CASE_WRITE_DEFAULT);
  g_assert_cmpstr (c->number, ==, number);

  /* Neither committee nor year of acceptance change once numbered. */
  c->committee_id = f->dongcun;
  g_array_index (c->mediator_ids, gint64, 0) = f->wang;
  update_fails (f, c, "调委会");
  c->committee_id = f->qingshan;
  g_array_index (c->mediator_ids, gint64, 0) = f->zhang;
  g_free (c->accepted_on);
  c->accepted_on = g_strdup ("2025-12-30");
  update_fails (f, c, "受理日期");
  /* Within the year it may be corrected. */
  g_free (c->accepted_on);
  c->accepted_on = g_strdup ("2026-10-30");
  /* Parties and mediators are replaced by the new lists. */
  g_array_set_size (c->parties, 0);
  desk_case_add_party (c, f->sun, DESK_CASE_APPLICANT);
  desk_case_add_party (c, f->zhao, DESK_CASE_RESPONDENT);
  g_array_set_size (c->mediator_ids, 0);
  update_ok (f, c, DESK_CASE_WRITE_DEFAULT);
  g_assert_cmpstr (c->number, ==, number);

  got = desk_case_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->accepted_on, ==, "2026-10-30");
  g_assert_cmpuint (got->parties->len, ==, 2);
  g_assert_cmpint (g_array_index (got->parties, DeskCaseParty, 0).person_id, ==, f->sun);
  g_assert_cmpuint (got->mediator_ids->len, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM case_mediators"), ==, 0);

  /* A mediator who left before acceptance cannot join; 李调解 left in March. */
  desk_case_add_mediator (got, f->li);
  update_fails (f, got, "调解员");

  /* Deleted: gone for get, update and delete. */
  g_assert_true (desk_case_delete (f->store, id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&got, desk_case_free);
  got = desk_case_get (f->store, id, &error);
  g_assert_null (got);
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (desk_case_update (f->store, c, DESK_CASE_WRITE_DEFAULT, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (desk_case_delete (f->store, id, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM mediation_cases WHERE deleted_at IS NOT NULL"),
                   ==, 1);
}

static DeskCaseVisit *
base_visit (Fixture    *f,
            gint64      case_id,
            const char *date)
{
  DeskCaseVisit *v = desk_case_visit_new ();

  v->case_id = case_id;
  v->visited_on = g_strdup (date);
  v->mode_id = code (f, DESK_CODE_VISIT_MODE, "电话");
  v->visitor = g_strdup ("张调解");
  v->performance_id = code (f, DESK_CODE_PERFORMANCE, "已履行");
  v->satisfaction_id = code (f, DESK_CODE_SATISFACTION, "满意");
  return v;
}

static void
visit_fails (Fixture       *f,
             DeskCaseVisit *v,
             const char    *expected_field)
{
  g_autoptr(GError) error = NULL;

  if (v->id == 0)
    g_assert_cmpint (desk_case_visit_create (f->store, v, &error), ==, 0);
  else
    g_assert_false (desk_case_visit_update (f->store, v, &error));
  assert_field_error (error, expected_field);
}

static void
test_visits (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(DeskCase) open = base_case (f, "2026-10-02");
  g_autoptr(DeskCase) c = base_case (f, "2026-10-02");
  g_autoptr(DeskCaseVisit) v = NULL;
  g_autoptr(DeskCaseVisit) got = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GError) error = NULL;
  gint64 visit_id;

  create_ok (f, open, DESK_CASE_WRITE_DEFAULT);
  make_success (c, "2026-10-20");
  create_ok (f, c, DESK_CASE_WRITE_DEFAULT);

  /* Only on 调解成功 cases, and on a case that exists. */
  v = base_visit (f, open->id, "2026-11-01");
  visit_fails (f, v, "调解案件");
  v->case_id = 999;
  visit_fails (f, v, "调解案件");
  v->case_id = c->id;

  /* Date: required, real, not before 结案, not in the future. */
  g_clear_pointer (&v->visited_on, g_free);
  visit_fails (f, v, "回访日期");
  v->visited_on = g_strdup ("2026-10-19");
  visit_fails (f, v, "回访日期");
  g_free (v->visited_on);
  v->visited_on = g_strdup ("2026-11-24");
  visit_fails (f, v, "回访日期");
  g_free (v->visited_on);
  v->visited_on = g_strdup ("2026-13-01");
  visit_fails (f, v, "回访日期");
  g_free (v->visited_on);
  v->visited_on = g_strdup ("2026-10-20");   /* the day it closed */

  /* Codes from the right lists. */
  v->mode_id = 0;
  visit_fails (f, v, "回访方式");
  v->mode_id = code (f, DESK_CODE_SATISFACTION, "满意");
  visit_fails (f, v, "回访方式");
  v->mode_id = code (f, DESK_CODE_VISIT_MODE, "上门");
  v->performance_id = code (f, DESK_CODE_VISIT_MODE, "上门");
  visit_fails (f, v, "履行情况");
  v->performance_id = code (f, DESK_CODE_PERFORMANCE, "部分履行");
  v->satisfaction_id = code (f, DESK_CODE_PERFORMANCE, "已履行");
  visit_fails (f, v, "满意度");
  v->satisfaction_id = code (f, DESK_CODE_SATISFACTION, "基本满意");
  g_assert_cmpint (count (f, "SELECT count(*) FROM case_visits"), ==, 0);

  g_assert_true (desk_case_follow_up_due (f->store, c));
  visit_id = desk_case_visit_create (f->store, v, &error);
  g_assert_no_error (error);
  g_assert_cmpint (visit_id, >, 0);
  g_assert_cmpint (v->id, ==, visit_id);
  g_assert_false (desk_case_follow_up_due (f->store, c));

  /* Read back, edit, list. */
  got = desk_case_visit_get (f->store, visit_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->visited_on, ==, "2026-10-20");
  g_assert_cmpstr (got->visitor, ==, "张调解");
  g_assert_cmpint (got->satisfaction_id, ==, v->satisfaction_id);
  g_free (got->visited_on);
  got->visited_on = g_strdup ("2026-11-05");
  got->notes = g_strdup ("已按协议支付");
  g_assert_true (desk_case_visit_update (f->store, got, &error));
  g_assert_no_error (error);
  got->case_id = open->id;
  visit_fails (f, got, "调解案件");
  got->case_id = c->id;
  {
    g_autoptr(DeskCaseVisit) second = base_visit (f, c->id, "2026-10-25");

    desk_case_visit_create (f->store, second, &error);
    g_assert_no_error (error);
  }
  visits = desk_case_visits_list (f->store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visits->len, ==, 2);
  g_assert_cmpstr (((DeskCaseVisit *) visits->pdata[0])->visited_on, ==, "2026-10-25");
  g_assert_cmpstr (((DeskCaseVisit *) visits->pdata[1])->notes, ==, "已按协议支付");
  g_clear_pointer (&visits, g_ptr_array_unref);

  /* The case keeps 调解成功 while it has visits, and its 结案日期 cannot
   * move past one. */
  c->status = DESK_CASE_FAILED;
  g_clear_pointer (&c->agreement_form, g_free);
  update_fails (f, c, "状态");
  make_success (c, "2026-10-26");
  update_fails (f, c, "结案日期");
  make_success (c, "2026-10-25");
  update_ok (f, c, DESK_CASE_WRITE_DEFAULT);

  /* Deleting a visit. */
  g_assert_true (desk_case_visit_delete (f->store, visit_id, &error));
  g_assert_no_error (error);
  g_assert_false (desk_case_visit_delete (f->store, visit_id, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&got, desk_case_visit_free);
  got = desk_case_visit_get (f->store, visit_id, &error);
  g_assert_null (got);
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Deleting the case takes its visits with it. */
  g_assert_true (desk_case_delete (f->store, c->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM case_visits WHERE deleted_at IS NULL"), ==, 0);
  visits = desk_case_visits_list (f->store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visits->len, ==, 0);
}

static gint64
case_on (Fixture        *f,
         const char     *accepted_on,
         DeskCaseStatus  status,
         const char     *closed_on)
{
  g_autoptr(DeskCase) c = base_case (f, accepted_on);

  if (status == DESK_CASE_SUCCEEDED)
    make_success (c, closed_on);
  else
    {
      c->status = status;
      c->closed_on = g_strdup (closed_on);
    }
  return create_ok (f, c, DESK_CASE_WRITE_DEFAULT);
}

static GArray *
list (Fixture              *f,
      const DeskCaseFilter *filter,
      guint                *total)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = desk_case_list (f->store, filter, total, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids;
}

static gboolean
has_id (GArray *ids,
        gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
test_overdue (Fixture       *f,
              gconstpointer  data)
{
  DeskCaseFilter filter = { .overdue = TRUE };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  gint64 old_open, exactly, recent, old_closed, mediating;
  guint total = 0;

  g_setenv ("LEGALDESK_TODAY", "2026-06-30", TRUE);
  old_open = case_on (f, "2026-05-01", DESK_CASE_ACCEPTED, NULL);     /* 60 days */
  exactly = case_on (f, "2026-05-31", DESK_CASE_ACCEPTED, NULL);      /* 30 days: not yet */
  recent = case_on (f, "2026-06-20", DESK_CASE_ACCEPTED, NULL);
  old_closed = case_on (f, "2026-04-01", DESK_CASE_TERMINATED, "2026-06-01");
  mediating = case_on (f, "2026-05-30", DESK_CASE_MEDIATING, NULL);   /* 31 days */

  ids = list (f, &filter, &total);
  g_assert_cmpuint (total, ==, 2);
  g_assert_cmpuint (ids->len, ==, 2);
  /* Newest accepted first. */
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, mediating);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, old_open);
  g_clear_pointer (&ids, g_array_unref);

  {
    g_autoptr(DeskCase) a = desk_case_get (f->store, old_open, &error);
    g_autoptr(DeskCase) b = desk_case_get (f->store, exactly, &error);
    g_autoptr(DeskCase) m = desk_case_get (f->store, mediating, &error);
    g_autoptr(DeskCase) closed = desk_case_get (f->store, old_closed, &error);

    g_assert_no_error (error);
    g_assert_cmpint (desk_case_overdue_days (f->store, a), ==, 30);
    g_assert_cmpint (desk_case_overdue_days (f->store, b), ==, 0);
    g_assert_cmpint (desk_case_overdue_days (f->store, m), ==, 1);
    g_assert_cmpint (desk_case_overdue_days (f->store, closed), ==, 0);

    /* A day later 5-31 runs past the limit too. */
    g_setenv ("LEGALDESK_TODAY", "2026-07-01", TRUE);
    g_assert_cmpint (desk_case_overdue_days (f->store, b), ==, 1);
    ids = list (f, &filter, &total);
    g_assert_cmpuint (total, ==, 3);
    g_assert_true (has_id (ids, exactly));
    g_clear_pointer (&ids, g_array_unref);

    /* The limit is the station's setting. */
    g_assert_true (desk_settings_set (f->store, "mediation-limit-days", "10", &error));
    g_assert_no_error (error);
    g_assert_cmpint (desk_case_overdue_days (f->store, a), ==, 51);
    ids = list (f, &filter, &total);
    g_assert_cmpuint (total, ==, 4);
    g_assert_true (has_id (ids, recent));
    g_assert_false (has_id (ids, old_closed));
    g_clear_pointer (&ids, g_array_unref);
  }
}

static void
test_follow_up_due (Fixture       *f,
                    gconstpointer  data)
{
  DeskCaseFilter filter = { .follow_up_due = TRUE };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  gint64 due, not_yet, failed;
  guint total = 0;

  g_setenv ("LEGALDESK_TODAY", "2026-06-30", TRUE);
  due = case_on (f, "2026-06-01", DESK_CASE_SUCCEEDED, "2026-06-15");      /* 15 days */
  not_yet = case_on (f, "2026-06-01", DESK_CASE_SUCCEEDED, "2026-06-16");  /* 14 days */
  failed = case_on (f, "2026-06-01", DESK_CASE_FAILED, "2026-06-01");

  ids = list (f, &filter, &total);
  g_assert_cmpuint (total, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, due);
  g_clear_pointer (&ids, g_array_unref);
  {
    g_autoptr(DeskCase) a = desk_case_get (f->store, due, &error);
    g_autoptr(DeskCase) b = desk_case_get (f->store, not_yet, &error);
    g_autoptr(DeskCase) c = desk_case_get (f->store, failed, &error);

    g_assert_no_error (error);
    g_assert_true (desk_case_follow_up_due (f->store, a));
    g_assert_false (desk_case_follow_up_due (f->store, b));
    g_assert_false (desk_case_follow_up_due (f->store, c));
  }

  /* A visit settles it. */
  {
    g_autoptr(DeskCaseVisit) v = base_visit (f, due, "2026-06-29");

    desk_case_visit_create (f->store, v, &error);
    g_assert_no_error (error);
  }
  ids = list (f, &filter, &total);
  g_assert_cmpuint (total, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  /* A shorter interval brings the other one in. */
  g_assert_true (desk_settings_set (f->store, "follow-up-days", "7", &error));
  g_assert_no_error (error);
  ids = list (f, &filter, &total);
  g_assert_cmpuint (total, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, not_yet);
}

static void
test_list_filter (Fixture       *f,
                  gconstpointer  data)
{
  DeskCaseFilter filter = { 0 };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  gint64 march, april, may, dongcun_case, contract, deleted;
  guint total = 0;

  march = case_on (f, "2026-03-10", DESK_CASE_ACCEPTED, NULL);
  april = case_on (f, "2026-04-10", DESK_CASE_SUCCEEDED, "2026-04-20");
  may = case_on (f, "2026-05-10", DESK_CASE_MEDIATING, NULL);
  {
    g_autoptr(DeskCase) c = base_case (f, "2026-04-15");

    c->committee_id = f->dongcun;
    g_array_index (c->mediator_ids, gint64, 0) = f->wang;
    g_array_index (c->parties, DeskCaseParty, 1).person_id = f->sun;
    dongcun_case = create_ok (f, c, DESK_CASE_WRITE_DEFAULT);
  }
  {
    g_autoptr(DeskCase) c = base_case (f, "2025-12-01");

    c->dispute_type_id = code (f, DESK_CODE_DISPUTE_TYPE, "合同纠纷");
    contract = create_ok (f, c, DESK_CASE_WRITE_DEFAULT);
  }
  deleted = case_on (f, "2026-04-11", DESK_CASE_ACCEPTED, NULL);
  g_assert_true (desk_case_delete (f->store, deleted, &error));
  g_assert_no_error (error);

  /* All live cases, newest first. */
  ids = list (f, NULL, &total);
  g_assert_cmpuint (total, ==, 5);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, may);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, dongcun_case);
  g_assert_cmpint (g_array_index (ids, gint64, 4), ==, contract);
  g_assert_false (has_id (ids, deleted));
  g_clear_pointer (&ids, g_array_unref);

  /* The period is by 受理日期, both ends included. */
  filter.from = "2026-04-10";
  filter.until = "2026-05-10";
  ids = list (f, &filter, &total);
  g_assert_cmpuint (total, ==, 3);
  g_assert_false (has_id (ids, march));
  g_clear_pointer (&ids, g_array_unref);

  /* Limit and offset page through; the total stays. */
  filter.limit = 2;
  filter.offset = 2;
  ids = list (f, &filter, &total);
  g_assert_cmpuint (total, ==, 3);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, april);
  g_clear_pointer (&ids, g_array_unref);
  filter.offset = 10;
  ids = list (f, &filter, &total);
  g_assert_cmpuint (ids->len, ==, 0);
  g_assert_cmpuint (total, ==, 3);
  g_clear_pointer (&ids, g_array_unref);

  memset (&filter, 0, sizeof filter);
  filter.committee_id = f->dongcun;
  ids = list (f, &filter, &total);
  g_assert_cmpuint (total, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, dongcun_case);
  g_clear_pointer (&ids, g_array_unref);

  memset (&filter, 0, sizeof filter);
  filter.dispute_type_id = code (f, DESK_CODE_DISPUTE_TYPE, "合同纠纷");
  ids = list (f, &filter, &total);
  g_assert_cmpuint (total, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, contract);
  g_clear_pointer (&ids, g_array_unref);

  memset (&filter, 0, sizeof filter);
  filter.status = DESK_CASE_SUCCEEDED;
  ids = list (f, &filter, &total);
  g_assert_cmpuint (total, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, april);
  g_clear_pointer (&ids, g_array_unref);

  memset (&filter, 0, sizeof filter);
  filter.mediator_id = f->wang;
  ids = list (f, &filter, &total);
  g_assert_cmpuint (total, ==, 1);
  g_clear_pointer (&ids, g_array_unref);
  filter.mediator_id = f->zhang;
  ids = list (f, &filter, &total);
  g_assert_cmpuint (total, ==, 4);
  g_clear_pointer (&ids, g_array_unref);

  /* One person's history (一人一档). */
  memset (&filter, 0, sizeof filter);
  filter.person_id = f->sun;
  ids = list (f, &filter, &total);
  g_assert_cmpuint (total, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, dongcun_case);
  g_clear_pointer (&ids, g_array_unref);

  memset (&filter, 0, sizeof filter);
  filter.open_only = TRUE;
  ids = list (f, &filter, &total);
  g_assert_cmpuint (total, ==, 4);
  g_assert_false (has_id (ids, april));
  g_clear_pointer (&ids, g_array_unref);

  /* Filters combine. */
  filter.committee_id = f->qingshan;
  filter.from = "2026-01-01";
  ids = list (f, &filter, &total);
  g_assert_cmpuint (total, ==, 2);
  g_assert_true (has_id (ids, march));
  g_assert_true (has_id (ids, may));
  g_clear_pointer (&ids, g_array_unref);

  /* A period that is not a date is an error, not an empty list. */
  memset (&filter, 0, sizeof filter);
  filter.from = "2026-4-1";
  ids = desk_case_list (f->store, &filter, &total, &error);
  g_assert_null (ids);
  assert_field_error (error, "受理日期");
}

static void
test_failed_write_leaves_nothing (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(DeskCase) c = base_case (f, "2026-11-02");
  g_autoptr(DeskCase) first = base_case (f, "2026-11-02");
  g_autoptr(DeskCase) bad = base_case (f, "2026-11-02");
  g_autoptr(DeskCase) saved = NULL;
  g_autoptr(GError) error = NULL;

  /* The database refuses the last row of the write: everything before it
   * (the case, its number, its parties) goes too. */
  desk_test_exec (f->store,
                  "CREATE TEMP TRIGGER refuse_mediators BEFORE INSERT ON case_mediators"
                  " BEGIN SELECT RAISE (ABORT, 'disk full'); END");
  c->consultation_id = f->consultation;
  g_assert_cmpint (desk_case_create (f->store, c, DESK_CASE_WRITE_DEFAULT, &error), ==, 0);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_SQL);
  g_clear_error (&error);
  g_assert_cmpint (c->id, ==, 0);
  g_assert_null (c->number);
  g_assert_null (c->created_at);
  g_assert_false (desk_store_in_transaction (f->store));
  g_assert_cmpint (count (f, "SELECT count(*) FROM mediation_cases"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM case_parties"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sequences WHERE scope LIKE 'case:%'"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM consultations WHERE case_id IS NOT NULL"),
                   ==, 0);

  desk_test_exec (f->store, "DROP TRIGGER refuse_mediators");
  create_ok (f, c, DESK_CASE_WRITE_DEFAULT);
  g_assert_cmpstr (c->number, ==, "（2026）青山人调字第1号");

  /* A failed update keeps the saved case, lists included. */
  desk_test_exec (f->store,
                  "CREATE TEMP TRIGGER refuse_parties BEFORE INSERT ON case_parties"
                  " BEGIN SELECT RAISE (ABORT, 'disk full'); END");
  desk_case_add_party (c, f->sun, DESK_CASE_THIRD_PARTY);
  c->status = DESK_CASE_MEDIATING;
  g_assert_false (desk_case_update (f->store, c, DESK_CASE_WRITE_DEFAULT, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_SQL);
  g_clear_error (&error);
  /* What the clerk typed is still there to save again. */
  g_assert_cmpuint (c->parties->len, ==, 3);
  g_assert_cmpint (c->party_count, ==, 2);
  desk_test_exec (f->store, "DROP TRIGGER refuse_parties");
  saved = desk_case_get (f->store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (saved->status, ==, DESK_CASE_ACCEPTED);
  g_assert_cmpuint (saved->parties->len, ==, 2);
  g_assert_cmpuint (saved->mediator_ids->len, ==, 1);
  g_assert_cmpint (saved->party_count, ==, 2);

  /* Inside an importer's transaction a refused case rolls back alone. */
  g_assert_true (desk_store_begin (f->store, &error));
  create_ok (f, first, DESK_CASE_WRITE_DEFAULT);
  g_array_set_size (bad->parties, 0);
  create_fails (f, bad, "当事人");
  g_assert_true (desk_store_in_transaction (f->store));
  g_assert_true (desk_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM mediation_cases"), ==, 2);
  g_assert_cmpstr (first->number, ==, "（2026）青山人调字第2号");
}

static void
test_consultation_link (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(DeskCase) c = NULL;
  g_autoptr(DeskCase) again = NULL;
  g_autoptr(DeskCase) other = base_case (f, "2026-11-21");
  g_autoptr(GError) error = NULL;

  c = desk_case_new_from_consultation (f->store, f->consultation, &error);
  g_assert_no_error (error);
  g_assert_cmpint (c->consultation_id, ==, f->consultation);
  g_assert_cmpstr (c->summary, ==, "邻居占用通道，要求调解");
  g_assert_cmpstr (c->accepted_on, ==, "2026-11-23");
  g_assert_cmpuint (c->parties->len, ==, 1);
  g_assert_cmpint (g_array_index (c->parties, DeskCaseParty, 0).person_id, ==, f->zhao);
  g_assert_cmpint (g_array_index (c->parties, DeskCaseParty, 0).role, ==, DESK_CASE_APPLICANT);

  /* The clerk completes it and saves; the consultation points back. */
  c->committee_id = f->qingshan;
  c->source_id = code (f, DESK_CODE_CASE_SOURCE, "当事人申请");
  c->dispute_type_id = code (f, DESK_CODE_DISPUTE_TYPE, "邻里纠纷");
  desk_case_add_party (c, f->qian, DESK_CASE_RESPONDENT);
  create_ok (f, c, DESK_CASE_WRITE_DEFAULT);
  g_assert_cmpint (count (f, "SELECT case_id FROM consultations"), ==, c->id);

  /* One consultation opens one case. */
  again = desk_case_new_from_consultation (f->store, f->consultation, &error);
  g_assert_no_error (error);
  again->committee_id = f->qingshan;
  again->source_id = c->source_id;
  again->dispute_type_id = c->dispute_type_id;
  create_fails (f, again, "关联咨询");

  /* Linking an existing case later works the same way. */
  create_ok (f, other, DESK_CASE_WRITE_DEFAULT);
  other->consultation_id = f->consultation;
  update_fails (f, other, "关联咨询");

  /* Deleting the case frees the consultation. */
  g_assert_true (desk_case_delete (f->store, c->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM consultations WHERE case_id IS NULL"), ==, 1);
  update_ok (f, other, DESK_CASE_WRITE_DEFAULT);
  g_assert_cmpint (count (f, "SELECT case_id FROM consultations"), ==, other->id);
  /* Unlinking clears it again. */
  other->consultation_id = 0;
  update_ok (f, other, DESK_CASE_WRITE_DEFAULT);
  g_assert_cmpint (count (f, "SELECT count(*) FROM consultations WHERE case_id IS NULL"), ==, 1);

  /* An unknown or deleted consultation. */
  g_clear_pointer (&again, desk_case_free);
  again = desk_case_new_from_consultation (f->store, 999, &error);
  g_assert_null (again);
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("LEGALDESK_LOCALEDIR");

  desk_test_init (&argc, &argv);
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

#define ADD(path, fn) \
  g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)

  g_test_add_func ("/mediation/number", test_number_format_parse);
  g_test_add_func ("/mediation/labels", test_labels);
  ADD ("/mediation/copy", test_copy);
  ADD ("/mediation/numbering", test_numbering);
  ADD ("/mediation/rejections", test_rejections);
  ADD ("/mediation/valid-values", test_valid_values);
  ADD ("/mediation/status-flow", test_status_flow);
  ADD ("/mediation/lenient-import", test_lenient_import);
  ADD ("/mediation/party-count", test_party_count);
  ADD ("/mediation/update-rules", test_update_rules);
  ADD ("/mediation/visits", test_visits);
  ADD ("/mediation/overdue", test_overdue);
  ADD ("/mediation/follow-up-due", test_follow_up_due);
  ADD ("/mediation/list-filter", test_list_filter);
  ADD ("/mediation/failed-write", test_failed_write_leaves_nothing);
  ADD ("/mediation/consultation", test_consultation_link);

  return g_test_run ();
}
