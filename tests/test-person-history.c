/* test-person-history.c — one person's history ("一人一档"): every record
 * kind that names a person, with the person's part and the record's state,
 * newest first; deleted records left out; an agent found by name only when
 * the name is no one else's; a person with nothing, and no person. */
#include "config.h"

#include <string.h>

#include "desk-consultation.h"
#include "desk-legal-aid.h"
#include "desk-person.h"
#include "desk-person-history.h"
#include "desk-test-records.h"
#include "desk-test-util.h"

typedef struct
{
  DeskStore         *store;
  DeskTestRegisters  r;
  gint64             zhao, qian, sun, li_si, wu_a, wu_b;   /* people */
  /* 赵一's records, oldest first. */
  gint64             consult_march, case_march, case_may, aid_june, consult_july_early,
                     consult_july, aid_agent_july;
  /* Deleted, or someone else's. */
  gint64             consult_deleted, case_deleted, aid_deleted, consult_qian, consult_anonymous,
                     aid_shared_agent;
} Fixture;

static const char *long_content =
  "邻居在我家门口堆放建筑材料已经三个多月，\n  多次协商无果，"
  "雨天积水流进院子，老人出入很不方便，想问问可以怎么处理，"
  "能不能要求对方清走并赔偿损失。";

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static guint n;
  g_autofree char *name = g_strdup_printf ("history-%u.db", ++n);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskCase) march = NULL;
  g_autoptr(DeskCase) may = NULL;
  g_autoptr(DeskCase) deleted = NULL;

  g_setenv ("LEGALDESK_TODAY", "2026-11-23", TRUE);
  f->store = desk_test_open_store (name);
  desk_test_add_registers (f->store, &f->r);
  f->zhao = desk_test_add_person (f->store, "赵一");
  f->qian = desk_test_add_person (f->store, "钱二");
  f->sun = desk_test_add_person (f->store, "孙三");
  f->li_si = desk_test_add_person (f->store, "李四");
  f->wu_a = desk_test_add_person (f->store, "吴六");
  f->wu_b = desk_test_add_person (f->store, "吴六");

  f->consult_march = desk_test_add_consultation (f->store, &f->r, "2026-03-02 09:30", f->zhao,
                                                 "来访", "引导人民调解", long_content);
  march = desk_test_case_new (f->store, &f->r, f->r.qingshan, "2026-03-02",
                              "赵一与钱二因宅基地界线发生争执");
  desk_case_add_party (march, f->zhao, DESK_CASE_APPLICANT);
  desk_case_add_party (march, f->qian, DESK_CASE_RESPONDENT);
  desk_case_add_mediator (march, f->r.zhang);
  desk_test_case_close (march, DESK_CASE_SUCCEEDED, "2026-03-20");
  f->case_march = desk_test_add_case (f->store, march);

  may = desk_test_case_new (f->store, &f->r, f->r.dongping, "2026-05-10", "钱二诉孙三借款纠纷");
  desk_case_add_party (may, f->qian, DESK_CASE_APPLICANT);
  desk_case_add_party (may, f->sun, DESK_CASE_RESPONDENT);
  desk_case_add_party (may, f->zhao, DESK_CASE_THIRD_PARTY);
  desk_case_add_mediator (may, f->r.wang);
  f->case_may = desk_test_add_case (f->store, may);

  f->aid_june = desk_test_add_aid (f->store, &f->r, "2026-06-01 10:00", f->zhao, NULL,
                                   "儿子不付赡养费");
  f->consult_july_early = desk_test_add_consultation (f->store, &f->r, "2026-07-01 08:00",
                                                      f->zhao, "来电", "当场解答",
                                                      "问赡养费标准");
  f->consult_july = desk_test_add_consultation (f->store, &f->r, "2026-07-01 15:00", f->zhao,
                                                "来访", "指导申请法律援助", "替孙三问法律援助");
  /* 赵一 applies for 孙三: named as the agent only. */
  f->aid_agent_july = desk_test_add_aid (f->store, &f->r, "2026-07-01 16:00", f->sun, "赵一",
                                         "孙三被拖欠工资");

  /* Deleted records: a consultation, a case, an application. */
  f->consult_deleted = desk_test_add_consultation (f->store, &f->r, "2026-08-01 09:00",
                                                   f->zhao, "来访", "当场解答", "已删除的咨询");
  g_assert_true (desk_consultation_delete (f->store, f->consult_deleted, &error));
  deleted = desk_test_case_new (f->store, &f->r, f->r.qingshan, "2026-08-02", "已删除的案件");
  desk_case_add_party (deleted, f->zhao, DESK_CASE_APPLICANT);
  desk_case_add_party (deleted, f->qian, DESK_CASE_RESPONDENT);
  f->case_deleted = desk_test_add_case (f->store, deleted);
  g_assert_true (desk_case_delete (f->store, f->case_deleted, &error));
  f->aid_deleted = desk_test_add_aid (f->store, &f->r, "2026-08-03 09:00", f->zhao, NULL,
                                      "已删除的申请");
  g_assert_true (desk_legal_aid_delete (f->store, f->aid_deleted, &error));
  g_assert_no_error (error);

  /* Someone else's, and nobody's. */
  f->consult_qian = desk_test_add_consultation (f->store, &f->r, "2026-09-01 09:00", f->qian,
                                                "来访", "当场解答", "钱二的咨询");
  f->consult_anonymous = desk_test_add_consultation (f->store, &f->r, "2026-09-02 09:00", 0,
                                                     "来电", "当场解答", "匿名咨询");
  /* 吴六 is the name of two people: whose agency it was is unknown. */
  f->aid_shared_agent = desk_test_add_aid (f->store, &f->r, "2026-09-03 09:00", f->sun, "吴六",
                                           "孙三的第二份申请");
  /* A screening names no one of the register. */
  desk_test_add_screening (f->store, f->r.qingshan, f->r.qingshan_village, "2026-07-01");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
}

static GPtrArray *
history (Fixture *f,
         gint64   person)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = NULL;

  g_assert_true (desk_person_history (f->store, person, &entries, &error));
  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

static const DeskPersonHistoryEntry *
entry_at (GPtrArray *entries,
          guint      i)
{
  g_assert_cmpuint (i, <, entries->len);
  return g_ptr_array_index (entries, i);
}

static void
assert_entry (const DeskPersonHistoryEntry *e,
              const char                   *kind,
              gint64                        id,
              const char                   *date,
              const char                   *role,
              const char                   *status)
{
  g_assert_cmpstr (e->kind, ==, kind);
  g_assert_cmpint (e->id, ==, id);
  g_assert_cmpstr (e->date, ==, date);
  g_assert_cmpstr (e->role, ==, role);
  g_assert_cmpstr (e->status, ==, status);
}

static char *
number_of (Fixture    *f,
           const char *table,
           gint64      id)
{
  /* A table name from the tests' own text. */
  g_autofree char *sql = g_strdup_printf ("SELECT number FROM %s WHERE id = %" G_GINT64_FORMAT,
                                          table, id);

  return desk_test_query_text (f->store, sql);
}

/* Every kind that names 赵一, with the part 赵一 plays, newest first; on
 * one day the case or application above the consultation, later times
 * first. */
static void
test_every_kind_in_order (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = history (f, f->zhao);
  const DeskPersonHistoryEntry *e;

  g_assert_cmpuint (entries->len, ==, 7);
  assert_entry (entry_at (entries, 0), "legal_aid", f->aid_agent_july, "2026-07-01",
                "代理申请人", "已接收");
  assert_entry (entry_at (entries, 1), "consultation", f->consult_july, "2026-07-01",
                "咨询人", "指导申请法律援助");
  assert_entry (entry_at (entries, 2), "consultation", f->consult_july_early, "2026-07-01",
                "咨询人", "当场解答");
  assert_entry (entry_at (entries, 3), "legal_aid", f->aid_june, "2026-06-01", "申请人",
                "已接收");
  assert_entry (entry_at (entries, 4), "mediation_case", f->case_may, "2026-05-10", "第三人",
                "已受理");
  assert_entry (entry_at (entries, 5), "mediation_case", f->case_march, "2026-03-02",
                "申请人", "调解成功");
  assert_entry (entry_at (entries, 6), "consultation", f->consult_march, "2026-03-02",
                "咨询人", "引导人民调解");

  /* Numbers and summaries as the records have them. */
  for (guint i = 0; i < entries->len; i++)
    {
      const char *table;
      g_autofree char *number = NULL;

      e = entry_at (entries, i);
      table = g_str_equal (e->kind, "consultation") ? "consultations"
            : g_str_equal (e->kind, "mediation_case") ? "mediation_cases" : "legal_aid";
      number = number_of (f, table, e->id);
      g_assert_cmpstr (e->number, ==, number);
      g_assert_cmpstr (e->number, !=, "");
    }
  g_assert_cmpstr (entry_at (entries, 5)->number, ==, "（2026）青山人调字第1号");
  g_assert_cmpstr (entry_at (entries, 5)->summary, ==, "赵一与钱二因宅基地界线发生争执");
  g_assert_cmpstr (entry_at (entries, 0)->summary, ==, "孙三被拖欠工资");
  g_assert_cmpstr (entry_at (entries, 3)->summary, ==, "儿子不付赡养费");

  /* A long text: on one line, 60 characters and "…". */
  e = entry_at (entries, 6);
  g_assert_null (strchr (e->summary, '\n'));
  g_assert_true (g_str_has_prefix (e->summary,
                                   "邻居在我家门口堆放建筑材料已经三个多月， 多次协商无果，"));
  g_assert_true (g_str_has_suffix (e->summary, "…"));
  g_assert_cmpuint (g_utf8_strlen (e->summary, -1), ==, DESK_PERSON_HISTORY_SUMMARY_CHARS + 1);

  /* The others' parts in the same records. */
  {
    g_autoptr(GPtrArray) qian = history (f, f->qian);
    g_autoptr(GPtrArray) sun = history (f, f->sun);

    g_assert_cmpuint (qian->len, ==, 3);
    assert_entry (entry_at (qian, 0), "consultation", f->consult_qian, "2026-09-01", "咨询人",
                  "当场解答");
    assert_entry (entry_at (qian, 1), "mediation_case", f->case_may, "2026-05-10", "申请人",
                  "已受理");
    assert_entry (entry_at (qian, 2), "mediation_case", f->case_march, "2026-03-02",
                  "被申请人", "调解成功");
    g_assert_cmpuint (sun->len, ==, 3);
    assert_entry (entry_at (sun, 0), "legal_aid", f->aid_shared_agent, "2026-09-03", "申请人",
                  "已接收");
    assert_entry (entry_at (sun, 1), "legal_aid", f->aid_agent_july, "2026-07-01", "申请人",
                  "已接收");
    assert_entry (entry_at (sun, 2), "mediation_case", f->case_may, "2026-05-10", "被申请人",
                  "已受理");
  }
}

/* The entry follows the record: a later status, a second role, a deletion. */
static void
test_follows_the_records (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) before = history (f, f->zhao);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;

  desk_test_aid_step (f->store, f->aid_june, "已转交", "2026-06-03");
  g_assert_true (desk_consultation_delete (f->store, f->consult_july_early, &error));
  g_assert_no_error (error);
  after = history (f, f->zhao);
  g_assert_cmpuint (after->len, ==, before->len - 1);
  assert_entry (entry_at (after, 1), "consultation", f->consult_july, "2026-07-01", "咨询人",
                "指导申请法律援助");
  assert_entry (entry_at (after, 2), "legal_aid", f->aid_june, "2026-06-01", "申请人",
                "已转交");
  for (guint i = 0; i < after->len; i++)
    g_assert_false (g_str_equal (entry_at (after, i)->kind, "consultation") &&
                    entry_at (after, i)->id == f->consult_july_early);
}

/* Deleted records count nowhere, anonymous ones name no one. */
static void
test_deleted_left_out (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = history (f, f->zhao);

  for (guint i = 0; i < entries->len; i++)
    {
      const DeskPersonHistoryEntry *e = entry_at (entries, i);

      if (g_str_equal (e->kind, "consultation"))
        {
          g_assert_cmpint (e->id, !=, f->consult_deleted);
          g_assert_cmpint (e->id, !=, f->consult_anonymous);
          g_assert_cmpint (e->id, !=, f->consult_qian);
        }
      else if (g_str_equal (e->kind, "mediation_case"))
        g_assert_cmpint (e->id, !=, f->case_deleted);
      else
        {
          g_assert_cmpint (e->id, !=, f->aid_deleted);
          g_assert_cmpint (e->id, !=, f->aid_shared_agent);
        }
      g_assert_cmpstr (e->date, <, "2026-08-01");
    }
  /* The deleted ones are there, only deleted. */
  g_assert_cmpint (desk_test_query_int (f->store,
                                        "SELECT count(*) FROM consultations"
                                        " WHERE deleted_at IS NOT NULL"), ==, 1);
  g_assert_cmpint (desk_test_query_int (f->store,
                                        "SELECT count(*) FROM mediation_cases"
                                        " WHERE deleted_at IS NOT NULL"), ==, 1);
  g_assert_cmpint (desk_test_query_int (f->store,
                                        "SELECT count(*) FROM legal_aid"
                                        " WHERE deleted_at IS NOT NULL"), ==, 1);
}

/* An agent is named in text only: the application goes to the one person
 * of that name, to no one while two share it. */
static void
test_agent_by_name (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) a = history (f, f->wu_a);
  g_autoptr(GPtrArray) b = history (f, f->wu_b);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (a->len, ==, 0);
  g_assert_cmpuint (b->len, ==, 0);

  /* The duplicate entry removed from the register: the name is one
   * person's again. */
  g_assert_true (desk_person_delete (f->store, f->wu_b, &error));
  g_assert_no_error (error);
  after = history (f, f->wu_a);
  g_assert_cmpuint (after->len, ==, 1);
  assert_entry (entry_at (after, 0), "legal_aid", f->aid_shared_agent, "2026-09-03",
                "代理申请人", "已接收");
}

/* A person with no record has an empty history; no person is an error. */
static void
test_nothing_and_no_one (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = history (f, f->li_si);
  g_autoptr(GError) error = NULL;
  GPtrArray *none = NULL;
  gint64 gone = desk_test_add_person (f->store, "郑七");

  g_assert_cmpuint (entries->len, ==, 0);

  g_assert_false (desk_person_history (f->store, 99999, &none, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_assert_null (none);
  g_clear_error (&error);

  g_assert_true (desk_person_delete (f->store, gone, &error));
  g_assert_no_error (error);
  g_assert_false (desk_person_history (f->store, gone, &none, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_assert_null (none);
}

/* g_autoptr frees an entry. */
static void
test_entry_free (void)
{
  g_autoptr(DeskPersonHistoryEntry) entry = g_new0 (DeskPersonHistoryEntry, 1);

  entry->kind = "consultation";
  entry->date = g_strdup ("2026-01-01");
  entry->number = g_strdup ("");
  entry->summary = g_strdup ("");
  entry->role = g_strdup ("咨询人");
  entry->status = g_strdup ("当场解答");
  desk_person_history_entry_free (NULL);
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);

#define ADD(path, fn) \
  g_test_add ("/person-history/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("every-kind-in-order", test_every_kind_in_order);
  ADD ("follows-the-records", test_follows_the_records);
  ADD ("deleted-left-out", test_deleted_left_out);
  ADD ("agent-by-name", test_agent_by_name);
  ADD ("nothing-and-no-one", test_nothing_and_no_one);
#undef ADD
  g_test_add_func ("/person-history/entry-free", test_entry_free);

  return g_test_run ();
}
