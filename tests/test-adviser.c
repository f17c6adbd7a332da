/* test-adviser.c — village legal advisers: the register and its checks,
 * references by name, assignments over time, half hours, the service log
 * and the monthly on-site minimum. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-adviser.h"
#include "desk-codes.h"
#include "desk-settings.h"
#include "desk-test-util.h"

typedef struct
{
  DeskStore *store;
  gint64     village1;     /* 青山村 */
  gint64     village2;     /* 东湖社区 */
  gint64     lawyer;       /* 执业类别 律师 */
  gint64     worker;       /* 执业类别 基层法律服务工作者 */
  gint64     on_site;      /* 服务方式 实地 */
  gint64     remote;       /* 远程 */
  gint64     booked;       /* 预约 */
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

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  static int n;
  g_autofree char *name = g_strdup_printf ("adviser-%d.db", ++n);

  f->store = desk_test_open_store (name);
  desk_test_exec (f->store,
                  "INSERT INTO villages (name, kind, created_at, updated_at) VALUES"
                  " ('青山村', '村', '2026-01-01 08:00:00', '2026-01-01 08:00:00'),"
                  " ('东湖社区', '社区', '2026-01-01 08:00:00', '2026-01-01 08:00:00'),"
                  " ('旧村', '村', '2026-01-01 08:00:00', '2026-01-01 08:00:00');"
                  "UPDATE villages SET deleted_at = '2026-02-01 08:00:00' WHERE name = '旧村';");
  f->village1 = desk_test_query_int (f->store, "SELECT id FROM villages WHERE name = '青山村'");
  f->village2 = desk_test_query_int (f->store, "SELECT id FROM villages WHERE name = '东湖社区'");
  f->lawyer = code (f->store, DESK_CODE_PRACTICE_TYPE, "律师");
  f->worker = code (f->store, DESK_CODE_PRACTICE_TYPE, "基层法律服务工作者");
  f->on_site = code (f->store, DESK_CODE_SERVICE_MODE, "实地");
  f->remote = code (f->store, DESK_CODE_SERVICE_MODE, "远程");
  f->booked = code (f->store, DESK_CODE_SERVICE_MODE, "预约");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
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

static DeskAdviser *
new_adviser (Fixture    *f,
             const char *name,
             const char *institution)
{
  DeskAdviser *a = desk_adviser_new ();

  a->name = g_strdup (name);
  a->sex = DESK_SEX_MALE;
  a->phone = g_strdup ("13812345678");
  a->practice_type_id = f->lawyer;
  a->institution = g_strdup (institution);
  a->licence_number = g_strdup ("13301201810123456");
  a->term_from = g_strdup ("2026-01-01");
  a->term_until = g_strdup ("2027-12-31");
  return a;
}

static gint64
create_adviser (Fixture    *f,
                const char *name,
                const char *institution)
{
  g_autoptr(DeskAdviser) a = new_adviser (f, name, institution);
  g_autoptr(GError) error = NULL;
  gint64 id = desk_adviser_create (f->store, a, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
assign (Fixture    *f,
        gint64      adviser,
        gint64      village,
        const char *from,
        const char *until,
        GError    **error)
{
  g_autoptr(DeskAdviserAssignment) a = desk_adviser_assignment_new ();

  a->adviser_id = adviser;
  a->village_id = village;
  a->from_date = g_strdup (from);
  a->until_date = g_strdup (until);
  return desk_adviser_assignment_create (f->store, a, error);
}

static void
test_register (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskAdviser) got = NULL;
  DeskAdviser *a;
  gint64 id;

#define REFUSE(setup, field)                                          \
  G_STMT_START {                                                      \
    a = new_adviser (f, "陈明", "青山律师事务所");                   \
    setup;                                                            \
    g_assert_cmpint (desk_adviser_create (f->store, a, &error), ==, 0); \
    assert_field_error (error, field);                                \
    g_clear_error (&error);                                           \
    desk_adviser_free (a);                                            \
  } G_STMT_END

  REFUSE (g_clear_pointer (&a->name, g_free), "姓名");
  REFUSE ((g_free (a->name), a->name = g_strdup ("   ")), "姓名");
  REFUSE ((g_free (a->phone), a->phone = g_strdup ("12812345678")), "手机");
  REFUSE ((g_free (a->phone), a->phone = g_strdup ("1381234567")), "手机");
  REFUSE (a->practice_type_id = 0, "执业类别");
  REFUSE (a->practice_type_id = f->on_site, "执业类别");
  REFUSE (g_clear_pointer (&a->institution, g_free), "执业机构");
  REFUSE ((g_free (a->licence_number), a->licence_number = g_strdup ("1330120181012345")),
          "执业证号");
  REFUSE ((g_free (a->licence_number), a->licence_number = g_strdup ("133012018101234567")),
          "执业证号");
  REFUSE ((g_free (a->licence_number), a->licence_number = g_strdup ("1330120181012345X")),
          "执业证号");
  REFUSE (g_clear_pointer (&a->term_from, g_free), "聘期起");
  REFUSE ((g_free (a->term_from), a->term_from = g_strdup ("2026-02-30")), "聘期起");
  REFUSE ((g_free (a->term_until), a->term_until = g_strdup ("2025-12-31")), "聘期止");
  REFUSE ((g_free (a->term_until), a->term_until = g_strdup ("明年")), "聘期止");

#undef REFUSE
  g_assert_cmpint (desk_test_query_int (f->store, "SELECT count(*) FROM advisers"), ==, 0);

  /* A lawyer's 17 digits; another practice's number is free text; no
   * number, phone or end of term at all is fine; the end may be ahead. */
  a = new_adviser (f, " 陈明 ", " 青山律师事务所 ");
  g_free (a->phone);
  a->phone = g_strdup ("+86 138-1234-5678");
  id = desk_adviser_create (f->store, a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (a->id, ==, id);
  desk_adviser_free (a);
  got = desk_adviser_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->name, ==, "陈明");
  g_assert_cmpstr (got->institution, ==, "青山律师事务所");
  g_assert_cmpstr (got->phone, ==, "13812345678");
  g_assert_cmpint (got->sex, ==, DESK_SEX_MALE);
  g_assert_cmpstr (got->term_until, ==, "2027-12-31");

  a = new_adviser (f, "林芳", "青山法律服务所");
  a->practice_type_id = f->worker;
  g_free (a->licence_number);
  a->licence_number = g_strdup ("浙基法字第123号");
  g_clear_pointer (&a->phone, g_free);
  g_clear_pointer (&a->term_until, g_free);
  a->sex = DESK_SEX_UNKNOWN;
  g_assert_cmpint (desk_adviser_create (f->store, a, &error), >, 0);
  g_assert_no_error (error);
  desk_adviser_free (a);

  /* 姓名 + 执业机构 is the key. */
  a = new_adviser (f, "陈明", "青山律师事务所");
  g_assert_cmpint (desk_adviser_create (f->store, a, &error), ==, 0);
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_free (a->institution);
  a->institution = g_strdup ("东湖律师事务所");
  g_assert_cmpint (desk_adviser_create (f->store, a, &error), >, 0);
  g_assert_no_error (error);

  /* Update: checked the same way, the key included. */
  g_free (a->institution);
  a->institution = g_strdup ("青山律师事务所");
  g_assert_false (desk_adviser_update (f->store, a, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_free (a->institution);
  a->institution = g_strdup ("东湖律师事务所");
  g_free (a->term_until);
  a->term_until = g_strdup ("2025-01-01");
  g_assert_false (desk_adviser_update (f->store, a, &error));
  assert_field_error (error, "聘期止");
  g_clear_error (&error);
  g_free (a->term_until);
  a->term_until = g_strdup ("2026-06-30");
  g_assert_true (desk_adviser_update (f->store, a, &error));
  g_assert_no_error (error);
  g_clear_pointer (&got, desk_adviser_free);
  got = desk_adviser_get (f->store, a->id, &error);
  g_assert_cmpstr (got->term_until, ==, "2026-06-30");

  /* Deleting: the assignments go too; an adviser with services cannot go. */
  g_assert_cmpint (assign (f, a->id, f->village1, "2026-01-01", NULL, &error), >, 0);
  g_assert_true (desk_adviser_delete (f->store, a->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (desk_test_query_int (f->store,
                                        "SELECT count(*) FROM adviser_assignments"
                                        " WHERE deleted_at IS NULL"), ==, 0);
  g_assert_null (desk_adviser_get (f->store, a->id, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (desk_adviser_update (f->store, a, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (desk_adviser_delete (f->store, a->id, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Its key is free again. */
  g_assert_cmpint (desk_adviser_create (f->store, a, &error), >, 0);
  g_assert_no_error (error);

  {
    g_autoptr(DeskAdviserService) s = desk_adviser_service_new ();

    s->served_on = g_strdup ("2026-11-02");
    s->adviser_id = id;
    s->village_id = f->village1;
    s->mode_id = f->on_site;
    g_assert_cmpint (desk_adviser_service_create (f->store, s, &error), >, 0);
    g_assert_false (desk_adviser_delete (f->store, id, &error));
    g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_IN_USE);
    g_clear_error (&error);
  }

  {
    g_autoptr(GArray) ids = desk_adviser_list (f->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 3);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, id);
  }
  desk_adviser_free (a);
}

static void
test_reference (Fixture       *f,
                gconstpointer  data)
{
  gint64 a1 = create_adviser (f, "张三", "青山律师事务所");
  gint64 a2 = create_adviser (f, "张三", "东湖律师事务所");
  gint64 b = create_adviser (f, "李四", "青山律师事务所");
  g_autoptr(GError) error = NULL;
  g_autofree char *ref1 = NULL;
  g_autofree char *ref_b = NULL;

  g_assert_cmpint (desk_adviser_find_by_reference (f->store, "李四", &error), ==, b);
  g_assert_cmpint (desk_adviser_find_by_reference (f->store, " 李四 ", &error), ==, b);
  g_assert_cmpint (desk_adviser_find_by_reference (f->store, "李四（青山律师事务所）", &error),
                   ==, b);
  g_assert_cmpint (desk_adviser_find_by_reference (f->store, "张三（青山律师事务所）", &error),
                   ==, a1);
  g_assert_cmpint (desk_adviser_find_by_reference (f->store, "张三(东湖律师事务所)", &error),
                   ==, a2);
  g_assert_no_error (error);

  /* A shared bare name is ambiguous: the message lists the institutions. */
  g_assert_cmpint (desk_adviser_find_by_reference (f->store, "张三", &error), ==, 0);
  assert_field_error (error, "法律顾问");
  g_assert_nonnull (strstr (error->message, "青山律师事务所"));
  g_assert_nonnull (strstr (error->message, "东湖律师事务所"));
  g_clear_error (&error);

  g_assert_cmpint (desk_adviser_find_by_reference (f->store, "王五", &error), ==, 0);
  assert_field_error (error, "法律顾问");
  g_clear_error (&error);
  g_assert_cmpint (desk_adviser_find_by_reference (f->store, "张三（西山律师事务所）", &error),
                   ==, 0);
  assert_field_error (error, "法律顾问");
  g_clear_error (&error);
  g_assert_cmpint (desk_adviser_find_by_reference (f->store, "", &error), ==, 0);
  assert_field_error (error, "法律顾问");
  g_clear_error (&error);

  /* The reference the program writes reads back. */
  ref1 = desk_adviser_reference (f->store, a1);
  ref_b = desk_adviser_reference (f->store, b);
  g_assert_cmpstr (ref1, ==, "张三（青山律师事务所）");
  g_assert_cmpstr (ref_b, ==, "李四");

  /* A deleted adviser is no longer named; the other one is unique now. */
  g_assert_true (desk_adviser_delete (f->store, a2, &error));
  g_assert_cmpint (desk_adviser_find_by_reference (f->store, "张三", &error), ==, a1);
  g_assert_cmpint (desk_adviser_find_by_reference (f->store, "张三(东湖律师事务所)", &error),
                   ==, 0);
  assert_field_error (error, "法律顾问");
  g_clear_error (&error);
  g_clear_pointer (&ref1, g_free);
  ref1 = desk_adviser_reference (f->store, a1);
  g_assert_cmpstr (ref1, ==, "张三");
}

static void
test_assignments (Fixture       *f,
                  gconstpointer  data)
{
  gint64 a = create_adviser (f, "陈明", "青山律师事务所");
  gint64 b = create_adviser (f, "林芳", "青山法律服务所");
  g_autoptr(GError) error = NULL;
  gint64 first, open, id;

  first = assign (f, a, f->village1, "2026-01-01", "2026-06-30", &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);

  /* Overlaps of the same adviser and village, by one day or by an open end. */
  g_assert_cmpint (assign (f, a, f->village1, "2026-06-30", NULL, &error), ==, 0);
  assert_field_error (error, "服务起始日期");
  g_clear_error (&error);
  g_assert_cmpint (assign (f, a, f->village1, "2025-06-01", "2026-01-01", &error), ==, 0);
  assert_field_error (error, "服务起始日期");
  g_clear_error (&error);
  g_assert_cmpint (assign (f, a, f->village1, "2025-06-01", NULL, &error), ==, 0);
  assert_field_error (error, "服务起始日期");
  g_clear_error (&error);
  g_assert_cmpint (assign (f, a, f->village1, "2026-03-01", "2026-03-31", &error), ==, 0);
  assert_field_error (error, "服务起始日期");
  g_clear_error (&error);
  open = assign (f, a, f->village1, "2026-07-01", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (assign (f, a, f->village1, "2030-01-01", "2030-12-31", &error), ==, 0);
  assert_field_error (error, "服务起始日期");
  g_clear_error (&error);

  /* Other village, other adviser: no conflict. */
  g_assert_cmpint (assign (f, a, f->village2, "2026-03-01", NULL, &error), >, 0);
  g_assert_cmpint (assign (f, b, f->village1, "2026-03-01", NULL, &error), >, 0);
  g_assert_no_error (error);

  /* The other rules. */
  g_assert_cmpint (assign (f, a, f->village2, "2025-03-01", "2025-02-28", &error), ==, 0);
  assert_field_error (error, "服务截止日期");
  g_clear_error (&error);
  g_assert_cmpint (assign (f, a, f->village2, "2025-02-30", NULL, &error), ==, 0);
  assert_field_error (error, "服务起始日期");
  g_clear_error (&error);
  g_assert_cmpint (assign (f, a, f->village2, NULL, NULL, &error), ==, 0);
  assert_field_error (error, "服务起始日期");
  g_clear_error (&error);
  g_assert_cmpint (assign (f, a, 4242, "2026-01-01", NULL, &error), ==, 0);
  assert_field_error (error, "服务村(居)");
  g_clear_error (&error);
  id = desk_test_query_int (f->store, "SELECT id FROM villages WHERE name = '旧村'");
  g_assert_cmpint (assign (f, a, id, "2026-01-01", NULL, &error), ==, 0);
  assert_field_error (error, "服务村(居)");
  g_clear_error (&error);
  g_assert_cmpint (assign (f, 4242, f->village1, "2026-01-01", NULL, &error), ==, 0);
  assert_field_error (error, "法律顾问");
  g_clear_error (&error);

  /* Assigned on a day: both ends included, open ends open. */
  g_assert_false (desk_adviser_assigned_on (f->store, a, f->village1, "2025-12-31"));
  g_assert_true (desk_adviser_assigned_on (f->store, a, f->village1, "2026-01-01"));
  g_assert_true (desk_adviser_assigned_on (f->store, a, f->village1, "2026-06-30"));
  g_assert_true (desk_adviser_assigned_on (f->store, a, f->village1, "2026-07-01"));
  g_assert_true (desk_adviser_assigned_on (f->store, a, f->village1, "2040-01-01"));
  g_assert_false (desk_adviser_assigned_on (f->store, a, f->village2, "2026-02-28"));
  g_assert_true (desk_adviser_assigned_on (f->store, a, f->village2, "2026-03-01"));
  g_assert_false (desk_adviser_assigned_on (f->store, b, f->village2, "2026-03-01"));

  /* Updating: itself is no overlap; another one is. */
  {
    g_autoptr(DeskAdviserAssignment) x = desk_adviser_assignment_get (f->store, first, &error);

    g_assert_no_error (error);
    g_free (x->until_date);
    x->until_date = g_strdup ("2026-06-29");
    g_assert_true (desk_adviser_assignment_update (f->store, x, &error));
    g_assert_no_error (error);
    g_assert_false (desk_adviser_assigned_on (f->store, a, f->village1, "2026-06-30"));
    g_free (x->until_date);
    x->until_date = g_strdup ("2026-07-01");
    g_assert_false (desk_adviser_assignment_update (f->store, x, &error));
    assert_field_error (error, "服务起始日期");
    g_clear_error (&error);
  }
  {
    g_autoptr(GPtrArray) list = desk_adviser_assignments (f->store, a, &error);
    DeskAdviserAssignment *x0;

    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 3);
    x0 = g_ptr_array_index (list, 0);
    g_assert_cmpstr (x0->from_date, ==, "2026-01-01");
    g_assert_cmpstr (x0->until_date, ==, "2026-06-29");
  }

  /* A deleted assignment covers nothing and blocks nothing. */
  g_assert_true (desk_adviser_assignment_delete (f->store, open, &error));
  g_assert_false (desk_adviser_assigned_on (f->store, a, f->village1, "2026-07-01"));
  g_assert_cmpint (assign (f, a, f->village1, "2026-08-01", NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_false (desk_adviser_assignment_delete (f->store, open, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (desk_adviser_assignment_get (f->store, open, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
}

static void
test_hours (Fixture       *f,
            gconstpointer  data)
{
  const struct { const char *text; int halves; } good[] = {
    { "2.5", 5 }, { "2", 4 }, { "0.5", 1 }, { "3.0", 6 }, { "2.50", 5 }, { " 1.5 ", 3 },
    { "0", 0 }, { "24", 48 }, { "10.5", 21 },
  };
  const char *bad[] = { "2.3", "2.05", "-1", "-0.5", "abc", "", "  ", "2.", ".5", "２",
                        "1,5", "2.5h", "24.5", "100", "1e1", NULL };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      int halves = -1;

      if (!desk_adviser_parse_hours (good[i].text, &halves, &error))
        g_error ("“%s”: %s", good[i].text, error->message);
      g_assert_cmpint (halves, ==, good[i].halves);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      int halves = -7;

      if (desk_adviser_parse_hours (bad[i], &halves, &error))
        g_error ("“%s” was read as %d half hours", bad[i], halves);
      assert_field_error (error, "时长(小时)");
      g_assert_cmpint (halves, ==, -7);
      g_clear_error (&error);
    }

  for (int h = 0; h <= 48; h++)
    {
      g_autofree char *text = desk_adviser_format_hours (h);
      int back = -1;

      g_assert_true (desk_adviser_parse_hours (text, &back, NULL));
      g_assert_cmpint (back, ==, h);
    }
  {
    g_autofree char *five = desk_adviser_format_hours (5);
    g_autofree char *four = desk_adviser_format_hours (4);

    g_assert_cmpstr (five, ==, "2.5");
    g_assert_cmpstr (four, ==, "2");
  }
}

static DeskAdviserService *
new_service (Fixture    *f,
             gint64      adviser,
             const char *date,
             gint64      mode,
             int         half_hours)
{
  DeskAdviserService *s = desk_adviser_service_new ();

  s->served_on = g_strdup (date);
  s->adviser_id = adviser;
  s->village_id = f->village1;
  s->mode_id = mode;
  s->half_hours = half_hours;
  return s;
}

static gint64
serve (Fixture    *f,
       gint64      adviser,
       const char *date,
       gint64      mode,
       int         half_hours)
{
  g_autoptr(DeskAdviserService) s = new_service (f, adviser, date, mode, half_hours);
  g_autoptr(GError) error = NULL;
  gint64 id = desk_adviser_service_create (f->store, s, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_services (Fixture       *f,
               gconstpointer  data)
{
  const struct { gsize offset; const char *field; } counts[] = {
    { G_STRUCT_OFFSET (DeskAdviserService, consults), "解答咨询(件)" },
    { G_STRUCT_OFFSET (DeskAdviserService, lectures), "法治讲座(场次)" },
    { G_STRUCT_OFFSET (DeskAdviserService, audience), "讲座受众(人次)" },
    { G_STRUCT_OFFSET (DeskAdviserService, mediations), "参与调解(件)" },
    { G_STRUCT_OFFSET (DeskAdviserService, contracts), "审查合同协议(件)" },
    { G_STRUCT_OFFSET (DeskAdviserService, village_rules), "审查村规民约或村务决策(件)" },
    { G_STRUCT_OFFSET (DeskAdviserService, documents), "代写法律文书(份)" },
    { G_STRUCT_OFFSET (DeskAdviserService, aid_referrals), "引导法律援助(件)" },
    { G_STRUCT_OFFSET (DeskAdviserService, trainees), "培训法律明白人或村干部(人次)" },
    { G_STRUCT_OFFSET (DeskAdviserService, leaflets), "发放资料(份)" },
  };
  gint64 a = create_adviser (f, "陈明", "青山律师事务所");
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskAdviserService) got = NULL;
  DeskAdviserService *s;
  gint64 id;

#define REFUSE(setup, field)                                                  \
  G_STMT_START {                                                              \
    s = new_service (f, a, "2026-11-02", f->on_site, 4);                     \
    setup;                                                                    \
    g_assert_cmpint (desk_adviser_service_create (f->store, s, &error), ==, 0); \
    assert_field_error (error, field);                                        \
    g_clear_error (&error);                                                   \
    desk_adviser_service_free (s);                                            \
  } G_STMT_END

  REFUSE (g_clear_pointer (&s->served_on, g_free), "服务日期");
  REFUSE ((g_free (s->served_on), s->served_on = g_strdup ("2026-11-24")), "服务日期");
  REFUSE ((g_free (s->served_on), s->served_on = g_strdup ("2026-11-31")), "服务日期");
  REFUSE (s->adviser_id = 0, "法律顾问");
  REFUSE (s->adviser_id = 4242, "法律顾问");
  REFUSE (s->village_id = 0, "服务村(居)");
  REFUSE (s->mode_id = 0, "服务方式");
  REFUSE (s->mode_id = f->lawyer, "服务方式");
  REFUSE (s->half_hours = -1, "时长(小时)");
  REFUSE (s->half_hours = 49, "时长(小时)");
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    REFUSE (G_STRUCT_MEMBER (int, s, counts[i].offset) = -1, counts[i].field);

#undef REFUSE
  g_assert_cmpint (desk_test_query_int (f->store, "SELECT count(*) FROM adviser_services"),
                   ==, 0);

  /* A full record, read back; the village need not be assigned (the
   * forms warn about it, the store does not refuse). */
  s = new_service (f, a, "2026/11/2", f->on_site, 5);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    G_STRUCT_MEMBER (int, s, counts[i].offset) = (int) i + 1;
  s->notes = g_strdup ("  村委会议室  ");
  id = desk_adviser_service_create (f->store, s, &error);
  g_assert_no_error (error);
  desk_adviser_service_free (s);
  g_assert_false (desk_adviser_assigned_on (f->store, a, f->village1, "2026-11-02"));
  got = desk_adviser_service_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->served_on, ==, "2026-11-02");
  g_assert_cmpint (got->half_hours, ==, 5);
  g_assert_cmpstr (got->notes, ==, "村委会议室");
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    g_assert_cmpint (G_STRUCT_MEMBER (int, got, counts[i].offset), ==, (int) i + 1);

  /* Update and delete. */
  got->mode_id = f->remote;
  got->half_hours = -2;
  g_assert_false (desk_adviser_service_update (f->store, got, &error));
  assert_field_error (error, "时长(小时)");
  g_clear_error (&error);
  got->half_hours = 2;
  g_assert_true (desk_adviser_service_update (f->store, got, &error));
  g_assert_no_error (error);
  g_assert_cmpint (desk_test_query_int (f->store,
                                        "SELECT half_hours FROM adviser_services"), ==, 2);

  serve (f, a, "2026-10-15", f->booked, 2);
  serve (f, a, "2026-11-20", f->remote, 2);
  {
    DeskAdviserServiceFilter filter = { .adviser_id = a, .from = "2026-11-01",
                                        .until = "2026-11-30" };
    g_autoptr(GArray) ids = NULL;
    guint total = 0;

    ids = desk_adviser_service_list (f->store, &filter, &total, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (total, ==, 2);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, id);
    g_clear_pointer (&ids, g_array_unref);

    g_assert_true (desk_adviser_service_delete (f->store, id, &error));
    ids = desk_adviser_service_list (f->store, &filter, &total, &error);
    g_assert_cmpuint (total, ==, 1);
    g_clear_pointer (&ids, g_array_unref);
    ids = desk_adviser_service_list (f->store, NULL, &total, &error);
    g_assert_cmpuint (total, ==, 2);
    g_clear_pointer (&ids, g_array_unref);

    filter.until = "11月底";
    g_assert_null (desk_adviser_service_list (f->store, &filter, &total, &error));
    assert_field_error (error, "服务日期止");
    g_clear_error (&error);
  }
  g_assert_false (desk_adviser_service_delete (f->store, id, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (desk_adviser_service_update (f->store, got, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
}

static DeskAdviserShortfall *
find_shortfall (GPtrArray *list,
                gint64     adviser)
{
  for (guint i = 0; i < list->len; i++)
    {
      DeskAdviserShortfall *s = g_ptr_array_index (list, i);

      if (s->adviser_id == adviser)
        return s;
    }
  return NULL;
}

static void
test_shortfall (Fixture       *f,
                gconstpointer  data)
{
  gint64 ok = create_adviser (f, "甲", "所1");        /* 1 on site, 4 h */
  gint64 remote = create_adviser (f, "乙", "所1");    /* 2 remote, 6 h */
  gint64 short_h = create_adviser (f, "丙", "所1");   /* 1 on site, 3.5 h */
  gint64 ended = create_adviser (f, "丁", "所1");     /* assignment ended in October */
  gint64 two = create_adviser (f, "戊", "所1");       /* 2 on site of 2 h */
  gint64 none = create_adviser (f, "己", "所1");      /* assigned from 30 November, nothing */
  gint64 later = create_adviser (f, "庚", "所1");     /* assigned from December */
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  DeskAdviserShortfall *s;
  gint64 deleted;

  g_assert_cmpint (assign (f, ok, f->village1, "2026-01-01", NULL, &error), >, 0);
  g_assert_cmpint (assign (f, remote, f->village1, "2026-01-01", NULL, &error), >, 0);
  g_assert_cmpint (assign (f, short_h, f->village1, "2026-01-01", "2026-11-01", &error), >, 0);
  g_assert_cmpint (assign (f, ended, f->village1, "2026-01-01", "2026-10-31", &error), >, 0);
  g_assert_cmpint (assign (f, two, f->village2, "2026-01-01", NULL, &error), >, 0);
  g_assert_cmpint (assign (f, none, f->village2, "2026-11-30", NULL, &error), >, 0);
  g_assert_cmpint (assign (f, later, f->village2, "2026-12-01", NULL, &error), >, 0);
  g_assert_no_error (error);

  serve (f, ok, "2026-11-02", f->on_site, 8);
  serve (f, ok, "2026-10-30", f->on_site, 8);          /* another month */
  serve (f, remote, "2026-11-03", f->remote, 6);
  serve (f, remote, "2026-11-04", f->booked, 6);       /* 预约 is not on site */
  serve (f, short_h, "2026-11-05", f->on_site, 7);
  serve (f, two, "2026-11-01", f->on_site, 4);
  serve (f, two, "2026-11-23", f->on_site, 4);
  deleted = serve (f, two, "2026-11-10", f->on_site, 8);
  g_assert_true (desk_adviser_service_delete (f->store, deleted, &error));

  list = desk_adviser_shortfall (f->store, 2026, 11, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_null (find_shortfall (list, ok));
  g_assert_null (find_shortfall (list, two));
  g_assert_null (find_shortfall (list, ended));
  g_assert_null (find_shortfall (list, later));
  s = find_shortfall (list, remote);
  g_assert_nonnull (s);
  g_assert_cmpstr (s->name, ==, "乙");
  g_assert_cmpint (s->onsite_visits, ==, 0);
  g_assert_cmpint (s->onsite_half_hours, ==, 0);
  g_assert_cmpint (s->min_visits, ==, 1);
  g_assert_cmpint (s->min_hours, ==, 4);
  s = find_shortfall (list, short_h);
  g_assert_nonnull (s);
  g_assert_cmpint (s->onsite_visits, ==, 1);
  g_assert_cmpint (s->onsite_half_hours, ==, 7);
  s = find_shortfall (list, none);
  g_assert_nonnull (s);
  g_assert_cmpint (s->onsite_visits, ==, 0);
  /* In the register's order. */
  g_assert_cmpint (((DeskAdviserShortfall *) g_ptr_array_index (list, 0))->adviser_id, ==,
                   remote);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The minimums are settings. */
  g_assert_true (desk_settings_set (f->store, "adviser-min-hours", "3", &error));
  g_assert_true (desk_settings_set (f->store, "adviser-min-visits", "2", &error));
  list = desk_adviser_shortfall (f->store, 2026, 11, &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_shortfall (list, ok));        /* 1 visit < 2 */
  g_assert_null (find_shortfall (list, two));          /* 2 visits, 4 h */
  g_assert_nonnull (find_shortfall (list, short_h));   /* 1 visit */
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_true (desk_settings_set (f->store, "adviser-min-visits", "1", &error));
  list = desk_adviser_shortfall (f->store, 2026, 11, &error);
  g_assert_null (find_shortfall (list, short_h));      /* 3.5 h ≥ 3 */
  g_assert_null (find_shortfall (list, ok));
  g_assert_nonnull (find_shortfall (list, remote));
  g_clear_pointer (&list, g_ptr_array_unref);

  /* October: 丁 was still assigned. */
  list = desk_adviser_shortfall (f->store, 2026, 10, &error);
  g_assert_nonnull (find_shortfall (list, ended));
  g_assert_null (find_shortfall (list, ok));
  g_assert_null (find_shortfall (list, none));
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_null (desk_adviser_shortfall (f->store, 2026, 13, &error));
  assert_field_error (error, "月份");
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

  ADD ("/adviser/register", test_register);
  ADD ("/adviser/reference", test_reference);
  ADD ("/adviser/assignments", test_assignments);
  ADD ("/adviser/hours", test_hours);
  ADD ("/adviser/services", test_services);
  ADD ("/adviser/shortfall", test_shortfall);

#undef ADD

  return g_test_run ();
}
