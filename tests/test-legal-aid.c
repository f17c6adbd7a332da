/* test-legal-aid.c — legal-aid applications: 登记号, the applicant's copy,
 * 受援人类别, the status flow and its dates, the forwarding clock, lists and
 * the link to a consultation. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-codes.h"
#include "desk-date.h"
#include "desk-legal-aid.h"
#include "desk-settings.h"
#include "desk-test-util.h"

typedef struct
{
  DeskStore *store;
  gint64     staff;
  gint64     village;
  gint64     woman;      /* 李秀英, 女, 1966-11-24, 苗族, 农民, 青山村 */
  gint64     man;        /* 张伟, 男, 1990-05-01, 汉族 */
  gint64     org;        /* an organisation */
  gint64     civil;      /* 事项类型 民事 */
  gint64     matter;     /* 援助事项 请求给付赡养费、抚养费、扶养费 */
  gint64     matter2;    /* 援助事项 请求确认劳动关系或者支付劳动报酬 */
  gint64     in_person;  /* 转交方式 当面 */
} Fixture;

static gint64
code (DeskStore  *store,
      const char *kind,
      const char *label)
{
  gint64 id = desk_codes_find (store, kind, label);

  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
insert_person (DeskStore  *store,
               const char *values)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO people (kind, name, sex, birth_date, ethnicity, id_type, village_id,"
    " is_disabled, is_migrant_worker, is_farmer, is_military, is_foreigner,"
    " created_at, updated_at) VALUES (%s, '2026-01-01 08:00:00', '2026-01-01 08:00:00')",
    values);

  desk_test_exec (store, sql);
  return sqlite3_last_insert_rowid (desk_store_get_db (store));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  static int n;
  g_autofree char *name = g_strdup_printf ("aid-%d.db", ++n);

  g_setenv ("LEGALDESK_TODAY", "2026-11-23", TRUE);
  f->store = desk_test_open_store (name);
  desk_test_exec (f->store,
                  "INSERT INTO villages (name, kind, created_at, updated_at)"
                  " VALUES ('青山村', '村', '2026-01-01 08:00:00', '2026-01-01 08:00:00');"
                  "INSERT INTO staff (name, created_at, updated_at)"
                  " VALUES ('王芳', '2026-01-01 08:00:00', '2026-01-01 08:00:00');");
  f->village = desk_test_query_int (f->store, "SELECT id FROM villages WHERE name = '青山村'");
  f->staff = desk_test_query_int (f->store, "SELECT id FROM staff WHERE name = '王芳'");
  f->woman = insert_person (f->store,
                            "'person', '李秀英', '女', '1966-11-24', '苗族', '居民身份证', 1,"
                            " 0, 0, 1, 0, 0");
  f->man = insert_person (f->store,
                          "'person', '张伟', '男', '1990-05-01', NULL, '居民身份证', NULL,"
                          " 0, 0, 0, 0, 0");
  f->org = insert_person (f->store,
                          "'org', '青山建材厂', NULL, NULL, NULL, '统一社会信用代码', NULL,"
                          " 0, 0, 0, 0, 0");
  f->civil = code (f->store, DESK_CODE_AID_MATTER_TYPE, "民事");
  f->matter = code (f->store, DESK_CODE_AID_MATTER, "请求给付赡养费、抚养费、扶养费");
  f->matter2 = code (f->store, DESK_CODE_AID_MATTER, "请求确认劳动关系或者支付劳动报酬");
  f->in_person = code (f->store, DESK_CODE_FORWARD_MODE, "当面");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  g_setenv ("LEGALDESK_TODAY", "2026-11-23", TRUE);
}

static DeskLegalAid *
new_aid (Fixture    *f,
         gint64      person,
         const char *received_at)
{
  DeskLegalAid *aid = desk_legal_aid_new ();

  aid->received_at = g_strdup (received_at);
  aid->receiver_id = f->staff;
  aid->person_id = person;
  aid->matter_type_id = f->civil;
  aid->matter_id = f->matter;
  aid->summary = g_strdup ("儿子不付赡养费");
  return aid;
}

/* Creates an application and returns its number; asserts success. */
static char *
create_ok (Fixture      *f,
           DeskLegalAid *aid,
           DeskAidCheck  check)
{
  g_autoptr(GError) error = NULL;
  gint64 id = desk_legal_aid_create (f->store, aid, check, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (aid->id, ==, id);
  return g_strdup (aid->number);
}

static void
assert_field_error (GError     *error,
                    const char *field)
{
  g_autofree char *got = NULL;

  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_INVALID);
  got = desk_error_get_field (error);
  if (g_strcmp0 (got, field) != 0)
    g_error ("expected an error on “%s”, got: %s", field, error->message);
}

/* Creating @aid fails with an error on @field; nothing is written. */
static void
assert_create_refused (Fixture      *f,
                       DeskLegalAid *aid,
                       DeskAidCheck  check,
                       const char   *field)
{
  g_autoptr(GError) error = NULL;
  gint64 before = desk_test_query_int (f->store, "SELECT count(*) FROM legal_aid");

  g_assert_cmpint (desk_legal_aid_create (f->store, aid, check, &error), ==, 0);
  assert_field_error (error, field);
  g_assert_cmpint (desk_test_query_int (f->store, "SELECT count(*) FROM legal_aid"), ==, before);
}

static void
test_numbering (Fixture       *f,
                gconstpointer  data)
{
  const char *malformed[] = { "FY2026-001", "FY2026-00011", "fy2026-0011", "FY26-0011",
                              "FY2026_0011", "FY2026-0000", "2026-0011", "FY2026-00a1",
                              "ZX2026-0011", "FY2026-0011 x" };
  g_autoptr(GError) error = NULL;

  for (int i = 1; i <= 2; i++)
    {
      g_autoptr(DeskLegalAid) aid = new_aid (f, f->man, "2026-03-02 09:00");
      g_autofree char *number = create_ok (f, aid, DESK_AID_CHECK_STRICT);
      g_autofree char *want = g_strdup_printf ("FY2026-%04d", i);

      g_assert_cmpstr (number, ==, want);
      g_assert_cmpint (aid->year, ==, 2026);
      g_assert_cmpint (aid->seq, ==, i);
    }

  /* Each year has its own sequence. */
  {
    g_autoptr(DeskLegalAid) aid = new_aid (f, f->man, "2025-12-31 17:30");
    g_autofree char *number = create_ok (f, aid, DESK_AID_CHECK_STRICT);

    g_assert_cmpstr (number, ==, "FY2025-0001");
  }

  /* A given number is kept; later numbers continue after it. */
  {
    g_autoptr(DeskLegalAid) aid = new_aid (f, f->man, "2026-04-01 10:00");
    g_autoptr(DeskLegalAid) next = new_aid (f, f->man, "2026-04-02 10:00");
    g_autofree char *number = NULL;
    g_autofree char *next_number = NULL;

    aid->number = g_strdup ("FY2026-0010");
    number = create_ok (f, aid, DESK_AID_CHECK_STRICT);
    g_assert_cmpstr (number, ==, "FY2026-0010");
    next_number = create_ok (f, next, DESK_AID_CHECK_STRICT);
    g_assert_cmpstr (next_number, ==, "FY2026-0011");
  }

  /* A lower number never used is kept and does not pull the sequence back. */
  {
    g_autoptr(DeskLegalAid) aid = new_aid (f, f->man, "2026-04-03 10:00");
    g_autoptr(DeskLegalAid) next = new_aid (f, f->man, "2026-04-03 11:00");
    g_autofree char *number = NULL;
    g_autofree char *next_number = NULL;

    aid->number = g_strdup (" FY2026-0005 ");
    number = create_ok (f, aid, DESK_AID_CHECK_STRICT);
    g_assert_cmpstr (number, ==, "FY2026-0005");
    next_number = create_ok (f, next, DESK_AID_CHECK_STRICT);
    g_assert_cmpstr (next_number, ==, "FY2026-0012");

    /* A deleted record keeps its number: never given again. */
    g_assert_true (desk_legal_aid_delete (f->store, next->id, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(DeskLegalAid) aid = new_aid (f, f->man, "2026-04-04 10:00");
    g_autoptr(DeskLegalAid) again = new_aid (f, f->man, "2026-04-04 10:00");
    g_autoptr(DeskLegalAid) used = new_aid (f, f->man, "2026-04-04 10:00");
    g_autofree char *number = create_ok (f, aid, DESK_AID_CHECK_STRICT);

    g_assert_cmpstr (number, ==, "FY2026-0013");
    again->number = g_strdup ("FY2026-0012");
    assert_create_refused (f, again, DESK_AID_CHECK_STRICT, "登记号");
    used->number = g_strdup ("FY2026-0010");
    assert_create_refused (f, used, DESK_AID_CHECK_STRICT, "登记号");
  }

  /* The number's year is the year of receipt. */
  {
    g_autoptr(DeskLegalAid) aid = new_aid (f, f->man, "2026-04-05 10:00");

    aid->number = g_strdup ("FY2025-0003");
    assert_create_refused (f, aid, DESK_AID_CHECK_STRICT, "登记号");
  }

  /* Only exactly the program's form. */
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autoptr(DeskLegalAid) aid = new_aid (f, f->man, "2026-04-05 10:00");

      aid->number = g_strdup (malformed[i]);
      assert_create_refused (f, aid, DESK_AID_CHECK_STRICT, "登记号");
    }
  g_assert_cmpint (desk_test_query_int (f->store,
                                        "SELECT last FROM sequences"
                                        " WHERE scope = 'legal_aid' AND year = 2026"), ==, 13);

  /* The number never changes, and the receipt stays in its year. */
  {
    g_autoptr(DeskLegalAid) aid = desk_legal_aid_get_by_number (f->store, "FY2026-0001", &error);

    g_assert_no_error (error);
    g_free (aid->number);
    aid->number = g_strdup ("FY2026-0099");
    g_assert_false (desk_legal_aid_update (f->store, aid, DESK_AID_CHECK_STRICT, &error));
    assert_field_error (error, "登记号");
    g_clear_error (&error);

    g_clear_pointer (&aid->number, g_free);
    g_free (aid->received_at);
    aid->received_at = g_strdup ("2025-12-30 09:00");
    g_assert_false (desk_legal_aid_update (f->store, aid, DESK_AID_CHECK_STRICT, &error));
    assert_field_error (error, "接收日期时间");
    g_clear_error (&error);

    g_free (aid->received_at);
    aid->received_at = g_strdup ("2026-01-05 09:00");
    g_assert_true (desk_legal_aid_update (f->store, aid, DESK_AID_CHECK_STRICT, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (aid->number, ==, "FY2026-0001");
  }

  /* The deleted one is gone by number. */
  g_assert_null (desk_legal_aid_get_by_number (f->store, "FY2026-0012", &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
}

static void
test_copy_from_person (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskLegalAid) aid = new_aid (f, f->woman, "2026-11-02 09:30");
  g_autoptr(DeskLegalAid) stated = new_aid (f, f->woman, "2026-11-02 10:30");
  g_autoptr(DeskLegalAid) typed = new_aid (f, f->woman, "2026-11-02 11:30");
  g_autoptr(DeskLegalAid) got = NULL;
  g_autofree char *n1 = NULL, *n2 = NULL, *n3 = NULL;

  /* Nothing given: all from the register. */
  n1 = create_ok (f, aid, DESK_AID_CHECK_STRICT);
  got = desk_legal_aid_get (f->store, aid->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->sex, ==, DESK_SEX_FEMALE);
  g_assert_cmpstr (got->birth_date, ==, "1966-11-24");
  g_assert_cmpstr (got->ethnicity, ==, "苗族");
  g_assert_true (got->is_farmer);
  g_assert_false (got->is_disabled);
  g_assert_cmpint (got->village_id, ==, f->village);
  g_assert_cmpint (got->status, ==, DESK_AID_STATUS_RECEIVED);
  g_clear_pointer (&got, desk_legal_aid_free);

  /* Stated flags stand, even all unticked; given values are kept. */
  stated->flags_given = TRUE;
  stated->is_disabled = TRUE;
  stated->birth_date = g_strdup ("1966/11/20");
  n2 = create_ok (f, stated, DESK_AID_CHECK_STRICT);
  got = desk_legal_aid_get (f->store, stated->id, &error);
  g_assert_no_error (error);
  g_assert_false (got->is_farmer);
  g_assert_true (got->is_disabled);
  g_assert_cmpstr (got->birth_date, ==, "1966-11-20");
  g_assert_cmpstr (got->ethnicity, ==, "苗族");
  g_clear_pointer (&got, desk_legal_aid_free);

  typed->sex = DESK_SEX_MALE;
  typed->ethnicity = g_strdup ("汉族");
  n3 = create_ok (f, typed, DESK_AID_CHECK_STRICT);
  got = desk_legal_aid_get (f->store, typed->id, &error);
  g_assert_cmpint (got->sex, ==, DESK_SEX_MALE);
  g_assert_cmpstr (got->ethnicity, ==, "汉族");
  g_clear_pointer (&got, desk_legal_aid_free);

  /* Editing the person later never changes the application. */
  desk_test_exec (f->store,
                  "UPDATE people SET sex = '男', birth_date = '1980-01-01', ethnicity = '汉族',"
                  " is_farmer = 0, is_military = 1 WHERE name = '李秀英'");
  got = desk_legal_aid_get (f->store, aid->id, &error);
  g_assert_cmpint (got->sex, ==, DESK_SEX_FEMALE);
  g_assert_cmpstr (got->birth_date, ==, "1966-11-24");
  g_assert_cmpstr (got->ethnicity, ==, "苗族");
  g_assert_true (got->is_farmer);
  g_assert_false (got->is_military);
  /* …nor does saving the application again. */
  g_assert_true (desk_legal_aid_update (f->store, got, DESK_AID_CHECK_STRICT, &error));
  g_assert_no_error (error);
  g_clear_pointer (&got, desk_legal_aid_free);
  got = desk_legal_aid_get (f->store, aid->id, &error);
  g_assert_true (got->is_farmer);
  g_assert_cmpstr (got->birth_date, ==, "1966-11-24");

  /* Filling by hand needs a real person. */
  {
    g_autoptr(DeskLegalAid) nobody = new_aid (f, 9999, "2026-11-02 09:30");

    g_assert_false (desk_legal_aid_fill_from_person (f->store, nobody, &error));
    assert_field_error (error, "申请人");
  }
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  gint64 hardship_id = code (f->store, DESK_CODE_HARDSHIP, "免予核查");
  DeskLegalAid *aid;

#define REFUSE(setup, field)                                   \
  G_STMT_START {                                               \
    aid = new_aid (f, f->man, "2026-11-02 09:30");             \
    setup;                                                     \
    assert_create_refused (f, aid, DESK_AID_CHECK_STRICT, field); \
    desk_legal_aid_free (aid);                                 \
  } G_STMT_END

  REFUSE (g_clear_pointer (&aid->received_at, g_free), "接收日期时间");
  REFUSE ((g_free (aid->received_at), aid->received_at = g_strdup ("2026-02-30 09:00")),
          "接收日期时间");
  REFUSE ((g_free (aid->received_at), aid->received_at = g_strdup ("2026-11-24 09:00")),
          "接收日期时间");
  REFUSE (aid->receiver_id = 0, "接收人");
  REFUSE (aid->receiver_id = 4242, "接收人");
  REFUSE (aid->person_id = 0, "申请人");
  REFUSE (aid->person_id = 4242, "申请人");
  REFUSE (aid->person_id = f->org, "申请人");
  REFUSE (aid->birth_date = g_strdup ("1990-13-01"), "出生日期");
  REFUSE (aid->birth_date = g_strdup ("2026-11-03"), "出生日期");
  REFUSE (aid->ethnicity = g_strdup ("汉"), "民族");
  REFUSE (aid->village_id = 4242, "所在村(居)");
  REFUSE (aid->matter_type_id = 0, "事项类型");
  REFUSE (aid->matter_type_id = f->matter, "事项类型");
  REFUSE (aid->matter_id = 0, "援助事项");
  REFUSE (aid->matter_id = f->civil, "援助事项");
  REFUSE (aid->hardship_id = f->civil, "经济困难情形");
  REFUSE (aid->consultation_id = 4242, "咨询登记");

#undef REFUSE

  /* Everything optional given well. */
  aid = new_aid (f, f->man, " 2026/11/2 9:30 ");
  aid->hardship_id = hardship_id;
  aid->agent_name = g_strdup ("  ");
  aid->has_identity = aid->has_hardship_proof = aid->has_matter_papers = TRUE;
  aid->materials_complete = TRUE;
  g_free (create_ok (f, aid, DESK_AID_CHECK_STRICT));
  g_assert_cmpstr (aid->received_at, ==, "2026-11-02 09:30");
  g_assert_null (aid->agent_name);
  g_assert_cmpint (desk_test_query_int (f->store,
                                        "SELECT materials_complete + has_identity"
                                        " + has_hardship_proof + has_matter_papers"
                                        " FROM legal_aid"), ==, 4);
  desk_legal_aid_free (aid);
}

/* Builds an application in @status with the given step dates (NULL: none). */
static DeskLegalAid *
aid_in (Fixture       *f,
        DeskAidStatus  status,
        const char    *forwarded,
        const char    *decided,
        const char    *withdrawn)
{
  DeskLegalAid *aid = new_aid (f, f->man, "2026-11-02 09:30");

  aid->status = status;
  aid->forwarded_on = g_strdup (forwarded);
  aid->decided_on = g_strdup (decided);
  aid->withdrawn_on = g_strdup (withdrawn);
  if (status == DESK_AID_STATUS_REFUSED)
    aid->decision = DESK_AID_DECISION_REFUSE;
  else if (decided != NULL)
    aid->decision = DESK_AID_DECISION_GRANT;
  return aid;
}

static void
test_status_dates (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(DeskLegalAid) aid = NULL;

  /* Strict: each step's own date and what it keeps. */
  aid = aid_in (f, DESK_AID_STATUS_FORWARDED, NULL, NULL, NULL);
  assert_create_refused (f, aid, DESK_AID_CHECK_STRICT, "转交日期");
  assert_create_refused (f, aid, DESK_AID_CHECK_LENIENT, "转交日期");
  g_clear_pointer (&aid, desk_legal_aid_free);

  aid = aid_in (f, DESK_AID_STATUS_FORWARDED, "2026-11-03", NULL, NULL);
  assert_create_refused (f, aid, DESK_AID_CHECK_STRICT, "转交方式");
  aid->forward_mode_id = f->matter;
  assert_create_refused (f, aid, DESK_AID_CHECK_STRICT, "转交方式");
  aid->forward_mode_id = f->in_person;
  aid->centre_number = g_strdup ("县援受字2026-88");
  g_free (create_ok (f, aid, DESK_AID_CHECK_STRICT));
  g_clear_pointer (&aid, desk_legal_aid_free);

  /* Lenient: an imported record with 转交 only. */
  aid = aid_in (f, DESK_AID_STATUS_FORWARDED, "2026-11-03", NULL, NULL);
  g_free (create_ok (f, aid, DESK_AID_CHECK_LENIENT));
  g_clear_pointer (&aid, desk_legal_aid_free);

  /* Lenient 已结案 with 转交 and 决定 only; strict wants every step. */
  aid = aid_in (f, DESK_AID_STATUS_CLOSED, "2026-11-03", "2026-11-10", NULL);
  assert_create_refused (f, aid, DESK_AID_CHECK_STRICT, "中心受理日期");
  aid->centre_accepted_on = g_strdup ("2026-11-04");
  assert_create_refused (f, aid, DESK_AID_CHECK_STRICT, "指派日期");
  aid->assigned_on = g_strdup ("2026-11-12");
  assert_create_refused (f, aid, DESK_AID_CHECK_STRICT, "结案日期");
  aid->closed_on = g_strdup ("2026-11-20");
  assert_create_refused (f, aid, DESK_AID_CHECK_STRICT, "转交方式");
  aid->forward_mode_id = f->in_person;
  assert_create_refused (f, aid, DESK_AID_CHECK_STRICT, "承办人");
  aid->lawyer = g_strdup ("赵律师");
  assert_create_refused (f, aid, DESK_AID_CHECK_STRICT, "承办单位");
  aid->law_firm = g_strdup ("青山律师事务所");
  g_free (create_ok (f, aid, DESK_AID_CHECK_STRICT));
  g_clear_pointer (&aid, desk_legal_aid_free);

  aid = aid_in (f, DESK_AID_STATUS_CLOSED, "2026-11-03", NULL, NULL);
  assert_create_refused (f, aid, DESK_AID_CHECK_LENIENT, "决定日期");
  g_clear_pointer (&aid, desk_legal_aid_free);
  aid = aid_in (f, DESK_AID_STATUS_CLOSED, "2026-11-03", "2026-11-10", NULL);
  g_free (create_ok (f, aid, DESK_AID_CHECK_LENIENT));
  g_clear_pointer (&aid, desk_legal_aid_free);

  /* The decision agrees with the status and goes with its date. */
  aid = aid_in (f, DESK_AID_STATUS_GRANTED, "2026-11-03", "2026-11-10", NULL);
  aid->decision = DESK_AID_DECISION_REFUSE;
  assert_create_refused (f, aid, DESK_AID_CHECK_LENIENT, "决定结果");
  aid->decision = DESK_AID_DECISION_NONE;
  assert_create_refused (f, aid, DESK_AID_CHECK_LENIENT, "决定结果");
  g_clear_pointer (&aid, desk_legal_aid_free);
  aid = aid_in (f, DESK_AID_STATUS_ASSIGNED, "2026-11-03", "2026-11-10", NULL);
  aid->decision = DESK_AID_DECISION_REFUSE;
  assert_create_refused (f, aid, DESK_AID_CHECK_LENIENT, "决定结果");
  g_clear_pointer (&aid, desk_legal_aid_free);
  aid = aid_in (f, DESK_AID_STATUS_FORWARDED, "2026-11-03", NULL, NULL);
  aid->decision = DESK_AID_DECISION_GRANT;
  assert_create_refused (f, aid, DESK_AID_CHECK_LENIENT, "决定结果");
  g_clear_pointer (&aid, desk_legal_aid_free);

  /* 已终止 may follow either decision. */
  aid = aid_in (f, DESK_AID_STATUS_TERMINATED, "2026-11-03", "2026-11-10", NULL);
  aid->decision = DESK_AID_DECISION_REFUSE;
  g_free (create_ok (f, aid, DESK_AID_CHECK_LENIENT));
  g_clear_pointer (&aid, desk_legal_aid_free);
  aid = aid_in (f, DESK_AID_STATUS_TERMINATED, "2026-11-03", "2026-11-10", NULL);
  assert_create_refused (f, aid, DESK_AID_CHECK_STRICT, "中心受理日期");
  aid->centre_accepted_on = g_strdup ("2026-11-05");
  assert_create_refused (f, aid, DESK_AID_CHECK_STRICT, "终止日期");
  aid->terminated_on = g_strdup ("2026-11-10");
  assert_create_refused (f, aid, DESK_AID_CHECK_STRICT, "转交方式");
  aid->forward_mode_id = f->in_person;
  g_free (create_ok (f, aid, DESK_AID_CHECK_STRICT));
  g_clear_pointer (&aid, desk_legal_aid_free);

  /* No date of a step not reached. */
  aid = aid_in (f, DESK_AID_STATUS_RECEIVED, "2026-11-03", NULL, NULL);
  assert_create_refused (f, aid, DESK_AID_CHECK_LENIENT, "转交日期");
  g_clear_pointer (&aid, desk_legal_aid_free);
  aid = aid_in (f, DESK_AID_STATUS_FORWARDED, "2026-11-03", "2026-11-04", NULL);
  assert_create_refused (f, aid, DESK_AID_CHECK_LENIENT, "决定日期");
  g_clear_pointer (&aid, desk_legal_aid_free);
  aid = aid_in (f, DESK_AID_STATUS_CLOSED, "2026-11-03", "2026-11-04", NULL);
  aid->terminated_on = g_strdup ("2026-11-05");
  assert_create_refused (f, aid, DESK_AID_CHECK_LENIENT, "终止日期");
  g_clear_pointer (&aid, desk_legal_aid_free);
  aid = aid_in (f, DESK_AID_STATUS_RECEIVED, NULL, NULL, NULL);
  aid->forward_mode_id = f->in_person;
  assert_create_refused (f, aid, DESK_AID_CHECK_LENIENT, "转交方式");
  g_clear_pointer (&aid, desk_legal_aid_free);
  aid = aid_in (f, DESK_AID_STATUS_RECEIVED, NULL, NULL, NULL);
  aid->centre_number = g_strdup ("88");
  assert_create_refused (f, aid, DESK_AID_CHECK_LENIENT, "中心受理号");
  g_clear_pointer (&aid, desk_legal_aid_free);
  aid = aid_in (f, DESK_AID_STATUS_FORWARDED, "2026-11-03", NULL, NULL);
  aid->lawyer = g_strdup ("赵律师");
  assert_create_refused (f, aid, DESK_AID_CHECK_LENIENT, "承办人");
  g_clear_pointer (&aid, desk_legal_aid_free);
  aid = aid_in (f, DESK_AID_STATUS_FORWARDED, "2026-11-03", NULL, NULL);
  aid->law_firm = g_strdup ("青山律师事务所");
  assert_create_refused (f, aid, DESK_AID_CHECK_LENIENT, "承办单位");
  g_clear_pointer (&aid, desk_legal_aid_free);

  /* 撤回 exactly on 申请人撤回, and only before a decision. */
  aid = aid_in (f, DESK_AID_STATUS_WITHDRAWN, NULL, NULL, NULL);
  assert_create_refused (f, aid, DESK_AID_CHECK_LENIENT, "撤回日期");
  g_clear_pointer (&aid, desk_legal_aid_free);
  aid = aid_in (f, DESK_AID_STATUS_FORWARDED, "2026-11-03", NULL, "2026-11-04");
  assert_create_refused (f, aid, DESK_AID_CHECK_LENIENT, "撤回日期");
  g_clear_pointer (&aid, desk_legal_aid_free);
  aid = aid_in (f, DESK_AID_STATUS_WITHDRAWN, "2026-11-03", "2026-11-04", "2026-11-05");
  assert_create_refused (f, aid, DESK_AID_CHECK_LENIENT, "决定日期");
  g_clear_pointer (&aid, desk_legal_aid_free);
  aid = aid_in (f, DESK_AID_STATUS_WITHDRAWN, "2026-11-03", NULL, "2026-11-05");
  g_free (create_ok (f, aid, DESK_AID_CHECK_LENIENT));
  g_clear_pointer (&aid, desk_legal_aid_free);

  /* Dates: real, never before receipt, in step order, not after today. */
  aid = aid_in (f, DESK_AID_STATUS_FORWARDED, "2026-11-01", NULL, NULL);
  assert_create_refused (f, aid, DESK_AID_CHECK_LENIENT, "转交日期");
  g_clear_pointer (&aid, desk_legal_aid_free);
  aid = aid_in (f, DESK_AID_STATUS_FORWARDED, "2026-11-31", NULL, NULL);
  assert_create_refused (f, aid, DESK_AID_CHECK_LENIENT, "转交日期");
  g_clear_pointer (&aid, desk_legal_aid_free);
  aid = aid_in (f, DESK_AID_STATUS_FORWARDED, "2026-11-24", NULL, NULL);
  assert_create_refused (f, aid, DESK_AID_CHECK_LENIENT, "转交日期");
  g_clear_pointer (&aid, desk_legal_aid_free);
  aid = aid_in (f, DESK_AID_STATUS_GRANTED, "2026-11-10", "2026-11-09", NULL);
  assert_create_refused (f, aid, DESK_AID_CHECK_LENIENT, "决定日期");
  g_clear_pointer (&aid, desk_legal_aid_free);
  aid = aid_in (f, DESK_AID_STATUS_FORWARDED, "2026-11-10", NULL, NULL);
  aid->supplement_on = g_strdup ("2026-11-11");
  assert_create_refused (f, aid, DESK_AID_CHECK_LENIENT, "转交日期");
  g_clear_pointer (&aid, desk_legal_aid_free);
  aid = aid_in (f, DESK_AID_STATUS_WITHDRAWN, "2026-11-10", NULL, "2026-11-09");
  assert_create_refused (f, aid, DESK_AID_CHECK_LENIENT, "撤回日期");
  g_clear_pointer (&aid, desk_legal_aid_free);
  aid = aid_in (f, DESK_AID_STATUS_TERMINATED, "2026-11-03", "2026-11-10", NULL);
  aid->assigned_on = g_strdup ("2026-11-12");
  aid->terminated_on = g_strdup ("2026-11-11");
  assert_create_refused (f, aid, DESK_AID_CHECK_LENIENT, "终止日期");
  g_clear_pointer (&aid, desk_legal_aid_free);

  /* Same-day steps are in order. */
  aid = aid_in (f, DESK_AID_STATUS_REFUSED, "2026-11-02", "2026-11-02", NULL);
  g_free (create_ok (f, aid, DESK_AID_CHECK_LENIENT));

  /* What the store holds agrees with the schema's CHECKs by construction;
   * nothing above reached them. */
  g_assert_cmpint (desk_test_query_int (f->store, "SELECT count(*) FROM legal_aid"), ==, 8);
}

static gint64
advance_ok (Fixture                  *f,
            gint64                    id,
            DeskAidStatus             status,
            const char               *date,
            const DeskAidStepDetails *details)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskLegalAid) aid = NULL;

  if (!desk_legal_aid_advance (f->store, id, status, date, details, &error))
    g_error ("advance to %s: %s", desk_aid_status_label (status), error->message);
  aid = desk_legal_aid_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (aid->status, ==, status);
  return id;
}

static void
advance_refused (Fixture                  *f,
                 gint64                    id,
                 DeskAidStatus             status,
                 const char               *date,
                 const DeskAidStepDetails *details,
                 const char               *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskLegalAid) before = desk_legal_aid_get (f->store, id, NULL);
  g_autoptr(DeskLegalAid) after = NULL;

  g_assert_false (desk_legal_aid_advance (f->store, id, status, date, details, &error));
  assert_field_error (error, field);
  after = desk_legal_aid_get (f->store, id, NULL);
  g_assert_cmpint (after->status, ==, before->status);
}

static gint64
received (Fixture    *f,
          const char *at)
{
  g_autoptr(DeskLegalAid) aid = new_aid (f, f->man, at);

  g_free (create_ok (f, aid, DESK_AID_CHECK_STRICT));
  return aid->id;
}

static void
test_status_flow (Fixture       *f,
                  gconstpointer  data)
{
  DeskAidStepDetails forward = { .forward_mode_id = 0, .centre_number = "县援受字88" };
  DeskAidStepDetails assign = { .lawyer = "赵律师" };
  g_autoptr(DeskLegalAid) aid = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = received (f, "2026-11-02 09:30");

  /* The table of transitions. */
  g_assert_true (desk_aid_status_can_advance (DESK_AID_STATUS_RECEIVED,
                                              DESK_AID_STATUS_SUPPLEMENT));
  g_assert_true (desk_aid_status_can_advance (DESK_AID_STATUS_RECEIVED,
                                              DESK_AID_STATUS_FORWARDED));
  g_assert_false (desk_aid_status_can_advance (DESK_AID_STATUS_RECEIVED,
                                               DESK_AID_STATUS_CENTRE_ACCEPTED));
  g_assert_false (desk_aid_status_can_advance (DESK_AID_STATUS_SUPPLEMENT,
                                               DESK_AID_STATUS_RECEIVED));
  g_assert_false (desk_aid_status_can_advance (DESK_AID_STATUS_FORWARDED,
                                               DESK_AID_STATUS_GRANTED));
  g_assert_true (desk_aid_status_can_advance (DESK_AID_STATUS_CENTRE_ACCEPTED,
                                              DESK_AID_STATUS_REFUSED));
  g_assert_false (desk_aid_status_can_advance (DESK_AID_STATUS_REFUSED,
                                               DESK_AID_STATUS_ASSIGNED));
  g_assert_true (desk_aid_status_can_advance (DESK_AID_STATUS_REFUSED,
                                              DESK_AID_STATUS_TERMINATED));
  g_assert_true (desk_aid_status_can_advance (DESK_AID_STATUS_GRANTED,
                                              DESK_AID_STATUS_TERMINATED));
  g_assert_true (desk_aid_status_can_advance (DESK_AID_STATUS_ASSIGNED,
                                              DESK_AID_STATUS_TERMINATED));
  g_assert_false (desk_aid_status_can_advance (DESK_AID_STATUS_GRANTED,
                                               DESK_AID_STATUS_WITHDRAWN));
  for (guint s = DESK_AID_STATUS_RECEIVED; s <= DESK_AID_STATUS_CENTRE_ACCEPTED; s++)
    g_assert_true (desk_aid_status_can_advance (s, DESK_AID_STATUS_WITHDRAWN));
  for (guint s = 0; s < DESK_AID_N_STATUSES; s++)
    {
      g_assert_false (desk_aid_status_can_advance (DESK_AID_STATUS_CLOSED, s));
      g_assert_false (desk_aid_status_can_advance (DESK_AID_STATUS_TERMINATED, s));
      g_assert_false (desk_aid_status_can_advance (DESK_AID_STATUS_WITHDRAWN, s));
    }
  for (guint s = 1; s < DESK_AID_N_STATUSES; s++)
    g_assert_cmpint (desk_aid_status_from_label (desk_aid_status_label (s)), ==, s);
  g_assert_cmpint (desk_aid_status_from_label ("已受理"), ==, DESK_AID_STATUS_NONE);

  /* The whole way, with refusals on the way. */
  advance_refused (f, id, DESK_AID_STATUS_CENTRE_ACCEPTED, "2026-11-03", NULL, "状态");
  advance_refused (f, id, DESK_AID_STATUS_CLOSED, "2026-11-03", NULL, "状态");
  advance_ok (f, id, DESK_AID_STATUS_SUPPLEMENT, "2026-11-03", NULL);
  advance_refused (f, id, DESK_AID_STATUS_RECEIVED, "2026-11-03", NULL, "状态");
  advance_refused (f, id, DESK_AID_STATUS_FORWARDED, "2026-11-04", &forward, "转交方式");
  forward.forward_mode_id = f->in_person;
  advance_refused (f, id, DESK_AID_STATUS_FORWARDED, "2026-11-02", &forward, "转交日期");
  advance_refused (f, id, DESK_AID_STATUS_FORWARDED, "2026-11-24", &forward, "转交日期");
  advance_refused (f, id, DESK_AID_STATUS_FORWARDED, "2026-11-31", &forward, "转交日期");
  advance_ok (f, id, DESK_AID_STATUS_FORWARDED, "2026-11-04", &forward);
  advance_refused (f, id, DESK_AID_STATUS_GRANTED, "2026-11-05", NULL, "状态");
  advance_ok (f, id, DESK_AID_STATUS_CENTRE_ACCEPTED, "2026-11-05", NULL);
  advance_refused (f, id, DESK_AID_STATUS_GRANTED, "2026-11-04", NULL, "决定日期");
  advance_ok (f, id, DESK_AID_STATUS_GRANTED, "2026-11-09", NULL);
  advance_refused (f, id, DESK_AID_STATUS_WITHDRAWN, "2026-11-10", NULL, "状态");
  advance_refused (f, id, DESK_AID_STATUS_ASSIGNED, "2026-11-10", NULL, "承办人");
  advance_refused (f, id, DESK_AID_STATUS_ASSIGNED, "2026-11-10", &assign, "承办单位");
  assign.law_firm = "青山律师事务所";
  advance_ok (f, id, DESK_AID_STATUS_ASSIGNED, "2026-11-10", &assign);
  advance_ok (f, id, DESK_AID_STATUS_CLOSED, "2026-11-20", NULL);
  advance_refused (f, id, DESK_AID_STATUS_TERMINATED, "2026-11-21", NULL, "状态");

  aid = desk_legal_aid_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aid->supplement_on, ==, "2026-11-03");
  g_assert_cmpstr (aid->forwarded_on, ==, "2026-11-04");
  g_assert_cmpint (aid->forward_mode_id, ==, f->in_person);
  g_assert_cmpstr (aid->centre_number, ==, "县援受字88");
  g_assert_cmpstr (aid->centre_accepted_on, ==, "2026-11-05");
  g_assert_cmpstr (aid->decided_on, ==, "2026-11-09");
  g_assert_cmpint (aid->decision, ==, DESK_AID_DECISION_GRANT);
  g_assert_cmpstr (aid->assigned_on, ==, "2026-11-10");
  g_assert_cmpstr (aid->lawyer, ==, "赵律师");
  g_assert_cmpstr (aid->law_firm, ==, "青山律师事务所");
  g_assert_cmpstr (aid->closed_on, ==, "2026-11-20");
  /* A record built by the flow passes the strict check. */
  g_assert_true (desk_legal_aid_validate (f->store, aid, DESK_AID_CHECK_STRICT, &error));
  g_assert_no_error (error);
  g_clear_pointer (&aid, desk_legal_aid_free);

  /* Refused, then terminated; granted, assigned, terminated. */
  id = received (f, "2026-11-02 10:00");
  advance_ok (f, id, DESK_AID_STATUS_FORWARDED, "2026-11-02", &forward);
  advance_ok (f, id, DESK_AID_STATUS_CENTRE_ACCEPTED, "2026-11-02", NULL);
  advance_ok (f, id, DESK_AID_STATUS_REFUSED, "2026-11-06", NULL);
  aid = desk_legal_aid_get (f->store, id, NULL);
  g_assert_cmpint (aid->decision, ==, DESK_AID_DECISION_REFUSE);
  g_clear_pointer (&aid, desk_legal_aid_free);
  advance_refused (f, id, DESK_AID_STATUS_ASSIGNED, "2026-11-07", &assign, "状态");
  advance_ok (f, id, DESK_AID_STATUS_TERMINATED, "2026-11-07", NULL);

  id = received (f, "2026-11-02 11:00");
  advance_ok (f, id, DESK_AID_STATUS_FORWARDED, "2026-11-03", &forward);
  advance_ok (f, id, DESK_AID_STATUS_CENTRE_ACCEPTED, "2026-11-04", NULL);
  advance_ok (f, id, DESK_AID_STATUS_GRANTED, "2026-11-05", NULL);
  advance_ok (f, id, DESK_AID_STATUS_ASSIGNED, "2026-11-06", &assign);
  advance_refused (f, id, DESK_AID_STATUS_TERMINATED, "2026-11-05", NULL, "终止日期");
  advance_ok (f, id, DESK_AID_STATUS_TERMINATED, "2026-11-06", NULL);

  /* Withdrawal at each point before a decision. */
  id = received (f, "2026-11-02 12:00");
  advance_ok (f, id, DESK_AID_STATUS_WITHDRAWN, "2026-11-02", NULL);
  advance_refused (f, id, DESK_AID_STATUS_FORWARDED, "2026-11-03", &forward, "状态");
  id = received (f, "2026-11-02 13:00");
  advance_ok (f, id, DESK_AID_STATUS_SUPPLEMENT, "2026-11-03", NULL);
  advance_ok (f, id, DESK_AID_STATUS_WITHDRAWN, "2026-11-04", NULL);
  id = received (f, "2026-11-02 14:00");
  advance_ok (f, id, DESK_AID_STATUS_FORWARDED, "2026-11-03", &forward);
  advance_refused (f, id, DESK_AID_STATUS_WITHDRAWN, "2026-11-02", NULL, "撤回日期");
  advance_ok (f, id, DESK_AID_STATUS_WITHDRAWN, "2026-11-04", NULL);
  id = received (f, "2026-11-02 15:00");
  advance_ok (f, id, DESK_AID_STATUS_FORWARDED, "2026-11-03", &forward);
  advance_ok (f, id, DESK_AID_STATUS_CENTRE_ACCEPTED, "2026-11-04", NULL);
  advance_ok (f, id, DESK_AID_STATUS_WITHDRAWN, NULL, NULL);  /* today */
  aid = desk_legal_aid_get (f->store, id, NULL);
  g_assert_cmpstr (aid->withdrawn_on, ==, "2026-11-23");
  g_clear_pointer (&aid, desk_legal_aid_free);

  /* An imported record (转交 and 决定 only) goes on from where it is. */
  aid = aid_in (f, DESK_AID_STATUS_GRANTED, "2026-11-03", "2026-11-10", NULL);
  g_free (create_ok (f, aid, DESK_AID_CHECK_LENIENT));
  id = aid->id;
  g_clear_pointer (&aid, desk_legal_aid_free);
  advance_refused (f, id, DESK_AID_STATUS_ASSIGNED, "2026-11-09", &assign, "指派日期");
  advance_ok (f, id, DESK_AID_STATUS_ASSIGNED, "2026-11-11", &assign);
  aid = aid_in (f, DESK_AID_STATUS_FORWARDED, "2026-11-03", NULL, NULL);
  g_free (create_ok (f, aid, DESK_AID_CHECK_LENIENT));
  advance_ok (f, aid->id, DESK_AID_STATUS_CENTRE_ACCEPTED, "2026-11-04", NULL);

  /* A deleted application does not move. */
  g_assert_true (desk_legal_aid_delete (f->store, aid->id, &error));
  g_assert_false (desk_legal_aid_advance (f->store, aid->id, DESK_AID_STATUS_GRANTED,
                                          "2026-11-05", NULL, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
}

static DeskAidCategories
categories_of (Fixture    *f,
               const char *birth,
               const char *received_on)
{
  g_autoptr(DeskLegalAid) aid = new_aid (f, f->man, received_on);

  aid->birth_date = g_strdup (birth);
  aid->sex = DESK_SEX_MALE;
  aid->flags_given = TRUE;
  return desk_legal_aid_categories (aid);
}

/* The SQL rule of desk-legal-aid.h, run by SQLite. */
static gint64
sql_age (DeskStore  *store,
         const char *birth,
         const char *on)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT CAST (substr ('%s', 1, 4) AS INTEGER) - CAST (substr ('%s', 1, 4) AS INTEGER)"
    " - (substr ('%s', 6, 5) < substr ('%s', 6, 5))", on, birth, on, birth);

  return desk_test_query_int (store, sql);
}

static void
test_categories (Fixture       *f,
                 gconstpointer  data)
{
  const struct { const char *birth, *on; DeskAidCategories want; } ages[] = {
    { "1966-11-23", "2026-11-23 09:00", DESK_AID_CATEGORY_ELDERLY },   /* 60 that day */
    { "1966-11-24", "2026-11-23 09:00", DESK_AID_CATEGORY_OTHER },     /* 60 tomorrow */
    { "1966-11-21", "2026-11-20 09:00", DESK_AID_CATEGORY_OTHER },     /* 60 by today, not then */
    { "2008-11-23", "2026-11-23 09:00", DESK_AID_CATEGORY_OTHER },     /* 18 that day */
    { "2008-11-24", "2026-11-23 09:00", DESK_AID_CATEGORY_MINOR },     /* 17 */
    { "2008-02-29", "2026-02-28 09:00", DESK_AID_CATEGORY_MINOR },     /* 18 on 1 March */
    { "2008-02-29", "2026-03-01 09:00", DESK_AID_CATEGORY_OTHER },
    { "1964-02-29", "2024-02-28 09:00", DESK_AID_CATEGORY_OTHER },     /* leap year: 29th */
    { "1964-02-29", "2024-02-29 09:00", DESK_AID_CATEGORY_ELDERLY },
    { "1966-02-28", "2026-02-28 09:00", DESK_AID_CATEGORY_ELDERLY },
    { "2010-03-01", "2028-02-29 09:00", DESK_AID_CATEGORY_MINOR },     /* 18 the next day */
    { "2010-02-28", "2028-02-29 09:00", DESK_AID_CATEGORY_OTHER },
    { "2026-11-23", "2026-11-23 09:00", DESK_AID_CATEGORY_MINOR },     /* newborn */
    { NULL, "2026-11-23 09:00", DESK_AID_CATEGORY_OTHER },             /* no birth date */
  };
  g_autoptr(DeskLegalAid) aid = NULL;
  g_auto(GStrv) labels = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ages); i++)
    {
      DeskAidCategories got = categories_of (f, ages[i].birth, ages[i].on);

      if (got != ages[i].want)
        g_error ("born %s, received %s: categories %x, expected %x", ages[i].birth,
                 ages[i].on, got, ages[i].want);
    }

  /* The header's SQL age agrees with the C rule, day by day around the
   * birthdays that matter (29 February included). */
  {
    const char *births[] = { "1964-02-29", "2008-02-29", "1966-11-23", "2008-12-31" };

    for (guint b = 0; b < G_N_ELEMENTS (births); b++)
      for (int y = 2024; y <= 2028; y++)
        {
          g_autofree char *start = g_strdup_printf ("%d-02-20", y);
          DeskDay first = desk_date_to_day (start);

          for (int d = 0; d < 20; d++)
            {
              g_autofree char *on = desk_day_to_date (first + d);

              g_assert_cmpint (sql_age (f->store, births[b], on), ==,
                               desk_age_on (births[b], on));
            }
        }
  }

  /* The copy's fields: sex, ethnicity, the typed flags. */
  aid = new_aid (f, f->man, "2026-11-02 09:00");
  aid->flags_given = TRUE;
  aid->birth_date = g_strdup ("1990-05-01");
  aid->sex = DESK_SEX_MALE;
  g_assert_cmpint (desk_legal_aid_categories (aid), ==, DESK_AID_CATEGORY_OTHER);
  aid->ethnicity = g_strdup ("汉族");
  g_assert_cmpint (desk_legal_aid_categories (aid), ==, DESK_AID_CATEGORY_OTHER);
  aid->sex = DESK_SEX_FEMALE;
  g_assert_cmpint (desk_legal_aid_categories (aid), ==, DESK_AID_CATEGORY_FEMALE);
  aid->sex = DESK_SEX_UNKNOWN;
  g_free (aid->ethnicity);
  aid->ethnicity = g_strdup ("苗族");
  g_assert_cmpint (desk_legal_aid_categories (aid), ==, DESK_AID_CATEGORY_MINORITY);
  g_clear_pointer (&aid->ethnicity, g_free);

  {
    struct { gsize offset; DeskAidCategories cat; } flags[] = {
      { G_STRUCT_OFFSET (DeskLegalAid, is_disabled), DESK_AID_CATEGORY_DISABLED },
      { G_STRUCT_OFFSET (DeskLegalAid, is_migrant_worker), DESK_AID_CATEGORY_MIGRANT_WORKER },
      { G_STRUCT_OFFSET (DeskLegalAid, is_farmer), DESK_AID_CATEGORY_FARMER },
      { G_STRUCT_OFFSET (DeskLegalAid, is_military), DESK_AID_CATEGORY_MILITARY },
      { G_STRUCT_OFFSET (DeskLegalAid, is_foreigner), DESK_AID_CATEGORY_FOREIGNER },
    };

    for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
      {
        G_STRUCT_MEMBER (gboolean, aid, flags[i].offset) = TRUE;
        g_assert_cmpint (desk_legal_aid_categories (aid), ==, flags[i].cat);
        G_STRUCT_MEMBER (gboolean, aid, flags[i].offset) = FALSE;
      }
  }

  /* Several at once, never with 其他. */
  aid->sex = DESK_SEX_FEMALE;
  aid->is_farmer = TRUE;
  g_free (aid->birth_date);
  aid->birth_date = g_strdup ("1950-01-01");
  g_assert_cmpint (desk_legal_aid_categories (aid), ==,
                   DESK_AID_CATEGORY_ELDERLY | DESK_AID_CATEGORY_FEMALE |
                   DESK_AID_CATEGORY_FARMER);
  labels = desk_aid_category_labels (desk_legal_aid_categories (aid));
  g_assert_cmpuint (g_strv_length (labels), ==, 3);
  g_assert_cmpstr (labels[0], ==, "老年人");
  g_assert_cmpstr (labels[1], ==, "女性");
  g_assert_cmpstr (labels[2], ==, "农民");
  g_assert_cmpstr (desk_aid_category_label (DESK_AID_CATEGORY_OTHER), ==, "其他");
  g_assert_cmpstr (desk_aid_category_label (DESK_AID_CATEGORY_FOREIGNER), ==,
                   "外国人或无国籍人");
  g_assert_null (desk_aid_category_label (DESK_AID_CATEGORY_ELDERLY | DESK_AID_CATEGORY_MINOR));

  /* Stored and read back, the categories come from the record's copy. */
  {
    g_autoptr(DeskLegalAid) stored = new_aid (f, f->woman, "2026-11-23 08:00");
    g_autoptr(DeskLegalAid) got = NULL;
    g_autoptr(GError) error = NULL;

    g_free (create_ok (f, stored, DESK_AID_CHECK_STRICT));
    got = desk_legal_aid_get (f->store, stored->id, &error);
    g_assert_no_error (error);
    /* 李秀英: 59 on the day of receipt, 女, 苗族, 农民. */
    g_assert_cmpint (desk_legal_aid_categories (got), ==,
                     DESK_AID_CATEGORY_FEMALE | DESK_AID_CATEGORY_MINORITY |
                     DESK_AID_CATEGORY_FARMER);
  }
}

static void
test_forwarding_clock (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(DeskLegalAid) aid = new_aid (f, f->man, "2026-11-20 16:00");  /* a Friday */
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (desk_settings_get_int (f->store, "aid-limit-days"), ==, 3);

  /* Pending: the working days after the day of receipt, up to today. */
  g_assert_cmpint (desk_legal_aid_working_days_pending (f->store, aid, "2026-11-20"), ==, 0);
  g_assert_cmpint (desk_legal_aid_working_days_pending (f->store, aid, "2026-11-22"), ==, 0);
  g_assert_cmpint (desk_legal_aid_working_days_pending (f->store, aid, "2026-11-23"), ==, 1);
  g_assert_cmpint (desk_legal_aid_working_days_pending (f->store, aid, NULL), ==, 1);
  g_assert_cmpint (desk_legal_aid_working_days_pending (f->store, aid, "2026-11-25"), ==, 3);
  g_assert_false (desk_legal_aid_overdue (f->store, aid, "2026-11-25"));
  g_assert_cmpint (desk_legal_aid_working_days_pending (f->store, aid, "2026-11-26"), ==, 4);
  g_assert_true (desk_legal_aid_overdue (f->store, aid, "2026-11-26"));

  /* A holiday on Monday; a make-up working day on Saturday. */
  g_assert_true (desk_holidays_add (f->store, "2026-11-23", FALSE, "test", &error));
  g_assert_cmpint (desk_legal_aid_working_days_pending (f->store, aid, "2026-11-26"), ==, 3);
  g_assert_false (desk_legal_aid_overdue (f->store, aid, "2026-11-26"));
  g_assert_true (desk_holidays_add (f->store, "2026-11-21", TRUE, "调休", &error));
  g_assert_cmpint (desk_legal_aid_working_days_pending (f->store, aid, "2026-11-26"), ==, 4);
  g_assert_true (desk_legal_aid_overdue (f->store, aid, "2026-11-26"));
  g_assert_no_error (error);

  /* Forwarded or withdrawn: no longer pending. */
  aid->forwarded_on = g_strdup ("2026-11-24");
  g_assert_cmpint (desk_legal_aid_working_days_pending (f->store, aid, "2026-11-26"), ==, -1);
  g_assert_false (desk_legal_aid_overdue (f->store, aid, "2026-11-26"));
  g_clear_pointer (&aid->forwarded_on, g_free);
  aid->withdrawn_on = g_strdup ("2026-11-24");
  g_assert_false (desk_legal_aid_overdue (f->store, aid, "2026-11-30"));
  g_clear_pointer (&aid->withdrawn_on, g_free);

  /* On time: received Wednesday 30 September, before the National Day
   * holidays (1–7 October) and the make-up Saturday 10 October. */
  for (int d = 1; d <= 7; d++)
    {
      g_autofree char *date = g_strdup_printf ("2026-10-%02d", d);

      g_assert_true (desk_holidays_add (f->store, date, FALSE, "国庆节", &error));
    }
  g_free (aid->received_at);
  aid->received_at = g_strdup ("2026-09-30 10:00");
  g_assert_false (desk_legal_aid_forwarded_on_time (f->store, aid));   /* not forwarded */
  aid->forwarded_on = g_strdup ("2026-09-30");
  g_assert_true (desk_legal_aid_forwarded_on_time (f->store, aid));    /* same day: 0 */
  g_free (aid->forwarded_on);
  aid->forwarded_on = g_strdup ("2026-10-09");                         /* 8th, 9th: 2 */
  g_assert_true (desk_legal_aid_forwarded_on_time (f->store, aid));
  g_free (aid->forwarded_on);
  aid->forwarded_on = g_strdup ("2026-10-12");                         /* 3 */
  g_assert_true (desk_legal_aid_forwarded_on_time (f->store, aid));
  g_free (aid->forwarded_on);
  aid->forwarded_on = g_strdup ("2026-10-13");                         /* 4 */
  g_assert_false (desk_legal_aid_forwarded_on_time (f->store, aid));

  /* With the make-up Saturday, 12 October is the fourth working day. */
  g_assert_true (desk_holidays_add (f->store, "2026-10-10", TRUE, "调休", &error));
  g_free (aid->forwarded_on);
  aid->forwarded_on = g_strdup ("2026-10-10");                         /* 3 */
  g_assert_true (desk_legal_aid_forwarded_on_time (f->store, aid));
  g_free (aid->forwarded_on);
  aid->forwarded_on = g_strdup ("2026-10-12");                         /* 4 */
  g_assert_false (desk_legal_aid_forwarded_on_time (f->store, aid));
  g_assert_true (desk_holidays_remove (f->store, "2026-10-10", &error));
  g_assert_true (desk_legal_aid_forwarded_on_time (f->store, aid));    /* back to 3 */

  /* The limit is a setting; 0 means the same day. */
  g_assert_true (desk_settings_set (f->store, "aid-limit-days", "0", &error));
  g_assert_false (desk_legal_aid_forwarded_on_time (f->store, aid));
  g_free (aid->forwarded_on);
  aid->forwarded_on = g_strdup ("2026-09-30");
  g_assert_true (desk_legal_aid_forwarded_on_time (f->store, aid));
  g_free (aid->forwarded_on);
  aid->forwarded_on = g_strdup ("2026-10-07");                         /* holidays only: 0 */
  g_assert_true (desk_legal_aid_forwarded_on_time (f->store, aid));
  g_assert_no_error (error);
}

static void
test_overdue_cutoff (Fixture       *f,
                     gconstpointer  data)
{
  const char *todays[] = { "2026-10-08", "2026-10-12", "2026-11-23", "2026-11-28" };
  const char *limits[] = { "0", "3", "5" };
  g_autoptr(GError) error = NULL;

  for (int d = 1; d <= 7; d++)
    {
      g_autofree char *date = g_strdup_printf ("2026-10-%02d", d);

      g_assert_true (desk_holidays_add (f->store, date, FALSE, "国庆节", &error));
    }
  g_assert_true (desk_holidays_add (f->store, "2026-10-10", TRUE, "调休", &error));

  /* A pending application is overdue exactly when received on or before
   * the cut-off. */
  for (guint l = 0; l < G_N_ELEMENTS (limits); l++)
    {
      g_assert_true (desk_settings_set (f->store, "aid-limit-days", limits[l], &error));
      for (guint t = 0; t < G_N_ELEMENTS (todays); t++)
        {
          g_autofree char *cutoff = desk_legal_aid_overdue_cutoff (f->store, todays[t]);
          DeskDay today = desk_date_to_day (todays[t]);

          for (DeskDay d = today - 40; d <= today; d++)
            {
              g_autofree char *date = desk_day_to_date (d);
              g_autofree char *at = g_strdup_printf ("%s 10:00", date);
              g_autoptr(DeskLegalAid) aid = new_aid (f, f->man, at);

              g_assert_cmpint (desk_legal_aid_overdue (f->store, aid, todays[t]), ==,
                               g_strcmp0 (date, cutoff) <= 0);
            }
        }
    }
  g_assert_no_error (error);
}

static GArray *
list (Fixture             *f,
      const DeskAidFilter *filter,
      guint               *total)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = desk_legal_aid_list (f->store, filter, total, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids;
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  DeskAidStepDetails forward = { .forward_mode_id = f->in_person };
  gint64 ids[6];
  g_autoptr(GArray) got = NULL;
  g_autoptr(GError) error = NULL;
  DeskAidFilter filter = { 0 };
  guint total = 0;

  ids[0] = received (f, "2026-10-30 09:00");   /* Friday: overdue on 23 November */
  ids[1] = received (f, "2026-11-16 09:00");   /* Monday: 5 working days: overdue */
  ids[2] = received (f, "2026-11-18 09:00");   /* Wednesday: 3: not overdue */
  ids[3] = received (f, "2026-11-20 23:59");   /* Friday: 1 */
  ids[4] = received (f, "2026-11-10 09:00");   /* forwarded */
  ids[5] = received (f, "2026-11-11 09:00");   /* deleted */
  advance_ok (f, ids[4], DESK_AID_STATUS_FORWARDED, "2026-11-12", &forward);
  {
    g_autoptr(DeskLegalAid) aid = desk_legal_aid_get (f->store, ids[4], NULL);

    aid->matter_id = f->matter2;
    g_assert_true (desk_legal_aid_update (f->store, aid, DESK_AID_CHECK_STRICT, &error));
    g_assert_no_error (error);
  }
  g_assert_true (desk_legal_aid_delete (f->store, ids[5], &error));
  g_assert_false (desk_legal_aid_delete (f->store, ids[5], &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (desk_legal_aid_get (f->store, ids[5], &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  got = list (f, NULL, &total);
  g_assert_cmpuint (total, ==, 5);
  g_assert_cmpuint (got->len, ==, 5);
  g_assert_cmpint (g_array_index (got, gint64, 0), ==, ids[0]);
  g_assert_cmpint (g_array_index (got, gint64, 1), ==, ids[4]);
  g_assert_cmpint (g_array_index (got, gint64, 4), ==, ids[3]);
  g_clear_pointer (&got, g_array_unref);

  /* Period by receipt, inclusive; the last day includes its evening. */
  filter.from = "2026-11-16";
  filter.until = "2026-11-20";
  got = list (f, &filter, &total);
  g_assert_cmpuint (total, ==, 3);
  g_clear_pointer (&got, g_array_unref);

  /* A page, newest first. */
  filter.newest_first = TRUE;
  filter.limit = 2;
  filter.offset = 1;
  got = list (f, &filter, &total);
  g_assert_cmpuint (total, ==, 3);
  g_assert_cmpuint (got->len, ==, 2);
  g_assert_cmpint (g_array_index (got, gint64, 0), ==, ids[2]);
  g_assert_cmpint (g_array_index (got, gint64, 1), ==, ids[1]);
  g_clear_pointer (&got, g_array_unref);

  /* Status, matter, overdue. */
  memset (&filter, 0, sizeof filter);
  filter.status = DESK_AID_STATUS_FORWARDED;
  got = list (f, &filter, &total);
  g_assert_cmpuint (total, ==, 1);
  g_assert_cmpint (g_array_index (got, gint64, 0), ==, ids[4]);
  g_clear_pointer (&got, g_array_unref);
  filter.status = DESK_AID_STATUS_NONE;
  filter.matter_id = f->matter;
  got = list (f, &filter, &total);
  g_assert_cmpuint (total, ==, 4);
  g_clear_pointer (&got, g_array_unref);
  filter.matter_id = 0;
  filter.overdue_only = TRUE;
  got = list (f, &filter, NULL);
  g_assert_cmpuint (got->len, ==, 2);
  g_assert_cmpint (g_array_index (got, gint64, 0), ==, ids[0]);
  g_assert_cmpint (g_array_index (got, gint64, 1), ==, ids[1]);
  g_clear_pointer (&got, g_array_unref);

  /* A period that is not a date. */
  memset (&filter, 0, sizeof filter);
  filter.from = "2026-11-31";
  g_assert_null (desk_legal_aid_list (f->store, &filter, &total, &error));
  assert_field_error (error, "接收日期起");
}

static gint64
insert_consultation (Fixture    *f,
                     const char *number)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO consultations (number, year, seq, at, staff_id, channel_id, category_id,"
    " result_id, created_at, updated_at) VALUES ('%s', 2026, %s, '2026-11-02 09:00', %"
    G_GINT64_FORMAT ", (SELECT id FROM codes WHERE kind = 'channel' AND label = '来访'),"
    " (SELECT id FROM codes WHERE kind = 'consult_category' AND label = '赡养抚养'),"
    " (SELECT id FROM codes WHERE kind = 'consult_result' AND label = '指导申请法律援助'),"
    " '2026-11-02 09:00:00', '2026-11-02 09:00:00')", number, number + 7, f->staff);

  desk_test_exec (f->store, sql);
  return sqlite3_last_insert_rowid (desk_store_get_db (f->store));
}

static void
test_consultation_link (Fixture       *f,
                        gconstpointer  data)
{
  gint64 c1 = insert_consultation (f, "ZX2026-0001");
  gint64 c2 = insert_consultation (f, "ZX2026-0002");
  g_autoptr(DeskLegalAid) a1 = new_aid (f, f->man, "2026-11-02 10:00");
  g_autoptr(DeskLegalAid) a2 = new_aid (f, f->man, "2026-11-02 11:00");
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  /* Created from the consultation: both sides point at each other. */
  a1->consultation_id = c1;
  g_free (create_ok (f, a1, DESK_AID_CHECK_STRICT));
  sql = g_strdup_printf ("SELECT aid_id FROM consultations WHERE id = %" G_GINT64_FORMAT, c1);
  g_assert_cmpint (desk_test_query_int (f->store, sql), ==, a1->id);

  /* One application per consultation. */
  a2->consultation_id = c1;
  assert_create_refused (f, a2, DESK_AID_CHECK_STRICT, "咨询登记");
  a2->consultation_id = 0;
  g_free (create_ok (f, a2, DESK_AID_CHECK_STRICT));
  g_assert_false (desk_legal_aid_link_consultation (f->store, a2->id, c1, &error));
  assert_field_error (error, "咨询登记");
  g_clear_error (&error);
  g_assert_false (desk_legal_aid_link_consultation (f->store, a2->id, 4242, &error));
  assert_field_error (error, "咨询登记");
  g_clear_error (&error);

  /* Moving the link frees the old consultation. */
  g_assert_true (desk_legal_aid_link_consultation (f->store, a1->id, c2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (desk_test_query_int (f->store, sql), ==, 0);
  g_assert_cmpint (desk_test_query_int (f->store,
                                        "SELECT count(*) FROM consultations WHERE aid_id IS NULL"),
                   ==, 1);
  g_assert_true (desk_legal_aid_link_consultation (f->store, a2->id, c1, &error));
  g_assert_cmpint (desk_test_query_int (f->store, sql), ==, a2->id);
  {
    g_autoptr(DeskLegalAid) got = desk_legal_aid_get (f->store, a2->id, &error);

    g_assert_cmpint (got->consultation_id, ==, c1);
  }

  /* Unlinking, and deleting, free the consultation too. */
  g_assert_true (desk_legal_aid_link_consultation (f->store, a2->id, 0, &error));
  g_assert_cmpint (desk_test_query_int (f->store, sql), ==, 0);
  g_assert_true (desk_legal_aid_delete (f->store, a1->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (desk_test_query_int (f->store,
                                        "SELECT count(*) FROM consultations WHERE aid_id IS NULL"),
                   ==, 2);
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

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/legal-aid/numbering", test_numbering);
  ADD ("/legal-aid/copy-from-person", test_copy_from_person);
  ADD ("/legal-aid/validation", test_validation);
  ADD ("/legal-aid/status-dates", test_status_dates);
  ADD ("/legal-aid/status-flow", test_status_flow);
  ADD ("/legal-aid/categories", test_categories);
  ADD ("/legal-aid/forwarding-clock", test_forwarding_clock);
  ADD ("/legal-aid/overdue-cutoff", test_overdue_cutoff);
  ADD ("/legal-aid/list", test_list);
  ADD ("/legal-aid/consultation-link", test_consultation_link);

#undef ADD

  return g_test_run ();
}
