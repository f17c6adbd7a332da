/* test-register.c — villages, staff, committees and mediators: checks with
 * the field named, keys, deletion refused while in use, retiring, and
 * "active on a day". */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-codes.h"
#include "desk-register.h"
#include "desk-store.h"
#include "desk-test-util.h"

#define assert_field_error(err, field)                                  \
  G_STMT_START {                                                        \
    g_autofree char *found_field_ = NULL;                               \
    g_assert_error ((err), DESK_RECORD_ERROR, DESK_RECORD_ERROR_INVALID); \
    found_field_ = desk_error_get_field (err);                          \
    g_assert_cmpstr (found_field_, ==, (field));                        \
    g_clear_error (&(err));                                             \
  } G_STMT_END

/* A duplicate is its own error code, worded "<field>：…". */
#define assert_duplicate_error(err, field)                              \
  G_STMT_START {                                                        \
    g_assert_error ((err), DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE); \
    g_assert_true (g_str_has_prefix ((err)->message, field "："));      \
    g_clear_error (&(err));                                             \
  } G_STMT_END

static gint64
village_add (DeskStore  *store,
             const char *name,
             const char *from,
             const char *until)
{
  g_autoptr(DeskVillage) village = desk_village_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  village->name = g_strdup (name);
  village->kind = g_strdup ("村");
  village->active_from = g_strdup (from);
  village->active_until = g_strdup (until);
  id = desk_village_create (store, village, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
committee_type (DeskStore  *store,
                const char *label)
{
  gint64 id = desk_codes_find (store, DESK_CODE_COMMITTEE_TYPE, label);

  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
committee_add (DeskStore  *store,
               const char *name,
               const char *short_name,
               gint64      village_id)
{
  g_autoptr(DeskCommittee) committee = desk_committee_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  committee->name = g_strdup (name);
  committee->short_name = g_strdup (short_name);
  committee->type_id = committee_type (store, village_id ? "村调委会" : "乡镇调委会");
  committee->village_id = village_id;
  id = desk_committee_create (store, committee, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
mediator_add (DeskStore  *store,
              const char *name,
              gint64      committee_id,
              gboolean    full_time)
{
  g_autoptr(DeskMediator) mediator = desk_mediator_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  mediator->name = g_strdup (name);
  mediator->sex = DESK_SEX_FEMALE;
  mediator->committee_id = committee_id;
  mediator->full_time = full_time;
  id = desk_mediator_create (store, mediator, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static guint
count_rows (DeskStore  *store,
            const char *sql)
{
  return (guint) desk_test_query_int (store, sql);
}

/* The names in a list of villages, committees or mediators, joined by
 * spaces (each struct begins with id, name). */
typedef struct
{
  gint64  id;
  char   *name;
} Named;

static char *
names_of (GPtrArray *list)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_nonnull (list);
  for (guint i = 0; i < list->len; i++)
    {
      Named *item = g_ptr_array_index (list, i);

      g_string_append_printf (out, "%s%s", i ? " " : "", item->name);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ------------------------------------------------------------------ */

static void
test_village_create_get_update (void)
{
  g_autoptr(DeskStore) store = desk_test_open_store ("village.db");
  g_autoptr(DeskVillage) village = desk_village_new ();
  g_autoptr(DeskVillage) got = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  village->name = g_strdup ("  青山村 ");
  village->kind = g_strdup ("村");
  village->area_code = g_strdup (" 360426101001 ");
  village->active_from = g_strdup ("2020/1/1");
  id = desk_village_create (store, village, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (village->id, ==, id);
  g_assert_nonnull (village->created_at);

  got = desk_village_get (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->name, ==, "青山村");
  g_assert_cmpstr (got->kind, ==, "村");
  g_assert_cmpstr (got->area_code, ==, "360426101001");
  g_assert_cmpstr (got->active_from, ==, "2020-01-01");
  g_assert_null (got->active_until);
  g_assert_cmpint (desk_village_find (store, "青山村"), ==, id);
  g_assert_cmpint (desk_village_find (store, " 青山村"), ==, id);
  g_assert_cmpint (desk_village_find (store, "绿水村"), ==, 0);

  g_free (got->name);
  got->name = g_strdup ("青山社区");
  g_free (got->kind);
  got->kind = g_strdup ("社区");
  g_free (got->area_code);
  got->area_code = g_strdup ("");
  g_assert_true (desk_village_update (store, got, &error));
  g_assert_no_error (error);
  g_clear_pointer (&got, desk_village_free);

  got = desk_village_get (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->name, ==, "青山社区");
  g_assert_cmpstr (got->kind, ==, "社区");
  g_assert_null (got->area_code);
  g_assert_cmpint (desk_village_find (store, "青山村"), ==, 0);

  g_assert_null (desk_village_get (store, 9999, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
}

static void
test_village_rejections (void)
{
  g_autoptr(DeskStore) store = desk_test_open_store ("village-bad.db");
  g_autoptr(GError) error = NULL;
  struct
  {
    const char *name, *kind, *area_code, *from, *until, *field;
  } cases[] = {
    { "", "村", NULL, NULL, NULL, "名称" },
    { "   ", "村", NULL, NULL, NULL, "名称" },
    { "绿水村", "镇", NULL, NULL, NULL, "类型" },
    { "绿水村", NULL, NULL, NULL, NULL, "类型" },
    { "绿水村", "村", "36042610100", NULL, NULL, "区划代码" },
    { "绿水村", "村", "36042610100A", NULL, NULL, "区划代码" },
    { "绿水村", "村", "3604261010011", NULL, NULL, "区划代码" },
    { "绿水村", "村", NULL, "2026-13-01", NULL, "启用日期" },
    { "绿水村", "村", NULL, "明年", NULL, "启用日期" },
    { "绿水村", "村", NULL, NULL, "2026-02-30", "停用日期" },
    { "绿水村", "村", NULL, "2026-03-01", "2026-02-28", "停用日期" },
  };

  village_add (store, "青山村", NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DeskVillage) village = desk_village_new ();

      village->name = g_strdup (cases[i].name);
      village->kind = g_strdup (cases[i].kind);
      village->area_code = g_strdup (cases[i].area_code);
      village->active_from = g_strdup (cases[i].from);
      village->active_until = g_strdup (cases[i].until);
      g_assert_cmpint (desk_village_create (store, village, &error), ==, 0);
      assert_field_error (error, cases[i].field);
    }

  /* The name is the key among villages not deleted. */
  {
    g_autoptr(DeskVillage) village = desk_village_new ();

    village->name = g_strdup ("青山村");
    village->kind = g_strdup ("社区");
    g_assert_cmpint (desk_village_create (store, village, &error), ==, 0);
    assert_duplicate_error (error, "名称");
  }

  /* Same day is allowed: active exactly one day. */
  village_add (store, "一日村", "2026-03-01", "2026-03-01");
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM villages"), ==, 2);
}

static void
test_village_in_use_and_delete (void)
{
  g_autoptr(DeskStore) store = desk_test_open_store ("village-delete.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskVillage) again = desk_village_new ();
  gint64 used, unused, committee, again_id;

  used = village_add (store, "青山村", NULL, NULL);
  unused = village_add (store, "绿水村", NULL, NULL);
  committee = committee_add (store, "青山村人民调解委员会", "青山村", used);

  /* A committee names it: refused, and nothing changes. */
  g_assert_false (desk_village_delete (store, used, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_IN_USE);
  g_assert_cmpstr (error->message, ==,
                   "“青山村”已被 1 条记录使用，不能删除；请填写停用日期将其停用。");
  g_clear_error (&error);
  g_assert_cmpint (desk_village_find (store, "青山村"), ==, used);

  /* A person living there holds it too. */
  desk_test_exec (store,
                  "INSERT INTO people (name, village_id, created_at, updated_at)"
                  " VALUES ('张三', (SELECT id FROM villages WHERE name = '绿水村'),"
                  " '2026-01-01 00:00:00', '2026-01-01 00:00:00')");
  g_assert_false (desk_village_delete (store, unused, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_IN_USE);
  g_clear_error (&error);
  /* ... until that person is deleted: a deleted record counts nowhere. */
  desk_test_exec (store, "UPDATE people SET deleted_at = '2026-01-02 00:00:00'");
  g_assert_true (desk_village_delete (store, unused, &error));
  g_assert_no_error (error);
  g_assert_null (desk_village_get (store, unused, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (desk_village_delete (store, unused, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The row stays (soft deletion), and the name is free again. */
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM villages WHERE name = '绿水村'"
                                " AND deleted_at IS NOT NULL"), ==, 1);
  again->name = g_strdup ("绿水村");
  again->kind = g_strdup ("村");
  again_id = desk_village_create (store, again, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again_id, !=, unused);

  /* Once the committee is gone the first village can go too. */
  g_assert_true (desk_committee_delete (store, committee, &error));
  g_assert_no_error (error);
  g_assert_true (desk_village_delete (store, used, &error));
  g_assert_no_error (error);
}

static void
test_village_retire_and_active_on (void)
{
  g_autoptr(DeskStore) store = desk_test_open_store ("village-active.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(DeskVillage) got = NULL;
  g_autofree char *names = NULL;
  gint64 a, b, c;

  a = village_add (store, "甲村", NULL, NULL);
  b = village_add (store, "乙村", "2026-03-01", NULL);
  c = village_add (store, "丙村", "2020-01-01", NULL);
  (void) a;
  (void) b;

  /* Retiring: an active-until date, never before active-from. */
  g_assert_false (desk_village_retire (store, c, "2019-12-31", &error));
  assert_field_error (error, "停用日期");
  g_assert_true (desk_village_retire (store, c, "2026-05-31", &error));
  g_assert_no_error (error);
  got = desk_village_get (store, c, &error);
  g_assert_cmpstr (got->active_until, ==, "2026-05-31");

#define ASSERT_ACTIVE(day, expected)                                    \
  G_STMT_START {                                                        \
    g_clear_pointer (&list, g_ptr_array_unref);                         \
    g_clear_pointer (&names, g_free);                                   \
    list = desk_village_list (store, (day), &error);                    \
    g_assert_no_error (error);                                          \
    names = names_of (list);                                            \
    g_assert_cmpstr (names, ==, (expected));                            \
  } G_STMT_END

  ASSERT_ACTIVE (NULL, "甲村 乙村 丙村");
  ASSERT_ACTIVE ("2026-02-28", "甲村 丙村");
  ASSERT_ACTIVE ("2026-03-01", "甲村 乙村 丙村");   /* both ends inclusive */
  ASSERT_ACTIVE ("2026-05-31", "甲村 乙村 丙村");
  ASSERT_ACTIVE ("2026-06-01", "甲村 乙村");
  ASSERT_ACTIVE ("2019-12-31", "甲村");

  /* Back to always. */
  g_assert_true (desk_village_retire (store, c, NULL, &error));
  g_assert_no_error (error);
  ASSERT_ACTIVE ("2030-01-01", "甲村 乙村 丙村");
#undef ASSERT_ACTIVE
}

/* ------------------------------------------------------------------ */

static void
test_staff (void)
{
  g_autoptr(DeskStore) store = desk_test_open_store ("staff.db");
  g_autoptr(DeskStaff) staff = desk_staff_new ();
  g_autoptr(DeskStaff) got = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gboolean added = TRUE;
  gint64 head, clerk, id;

  g_assert_true (staff->active);
  g_assert_cmpstr (staff->role, ==, "工作人员");
  staff->name = g_strdup ("李所长");
  g_free (staff->role);
  staff->role = g_strdup ("所长");
  staff->phone = g_strdup ("+86 138 0013 8000");
  head = desk_staff_create (store, staff, &error);
  g_assert_no_error (error);
  got = desk_staff_get (store, head, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->name, ==, "李所长");
  g_assert_cmpstr (got->role, ==, "所长");
  g_assert_cmpstr (got->phone, ==, "13800138000");
  g_assert_true (got->active);

  /* Rejections, each naming its field. */
  {
    struct { const char *name, *role, *phone, *field; } cases[] = {
      { "", NULL, NULL, "姓名" },
      { "王五", "科长", NULL, "职务" },
      { "王五", NULL, "12345", "电话" },
      { "王五", NULL, "2345678901", "电话" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(DeskStaff) bad = desk_staff_new ();

        bad->name = g_strdup (cases[i].name);
        if (cases[i].role != NULL)
          {
            g_free (bad->role);
            bad->role = g_strdup (cases[i].role);
          }
        bad->phone = g_strdup (cases[i].phone);
        g_assert_cmpint (desk_staff_create (store, bad, &error), ==, 0);
        assert_field_error (error, cases[i].field);
      }
  }
  {
    g_autoptr(DeskStaff) dup = desk_staff_new ();

    dup->name = g_strdup ("李所长");
    g_assert_cmpint (desk_staff_create (store, dup, &error), ==, 0);
    assert_duplicate_error (error, "姓名");
  }

  /* ensure: a known name is found, an unknown one added as active staff. */
  g_assert_cmpint (desk_staff_ensure (store, "李所长", &added, &error), ==, head);
  g_assert_false (added);
  clerk = desk_staff_ensure (store, " 王小明 ", &added, &error);
  g_assert_no_error (error);
  g_assert_true (added);
  g_clear_pointer (&got, desk_staff_free);
  got = desk_staff_get (store, clerk, &error);
  g_assert_cmpstr (got->name, ==, "王小明");
  g_assert_cmpstr (got->role, ==, "工作人员");
  g_assert_true (got->active);
  g_assert_cmpint (desk_staff_ensure (store, "王小明", &added, &error), ==, clerk);
  g_assert_false (added);
  g_assert_cmpint (desk_staff_ensure (store, "  ", &added, &error), ==, 0);
  assert_field_error (error, "姓名");
  g_assert_false (added);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM staff"), ==, 2);

  /* Named in a consultation: cannot be deleted, only made inactive. */
  desk_test_exec (store,
                  "INSERT INTO consultations (number, year, seq, at, staff_id, channel_id,"
                  " category_id, result_id, content, created_at, updated_at)"
                  " VALUES ('ZX2026-0001', 2026, 1, '2026-01-05 09:00',"
                  " (SELECT id FROM staff WHERE name = '王小明'),"
                  " (SELECT id FROM codes WHERE kind = 'channel' AND label = '来访'),"
                  " (SELECT id FROM codes WHERE kind = 'consult_category' AND label = '继承'),"
                  " (SELECT id FROM codes WHERE kind = 'consult_result' AND label = '当场解答'),"
                  " '问遗产', '2026-01-05 09:00:00', '2026-01-05 09:00:00')");
  g_assert_false (desk_staff_delete (store, clerk, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_IN_USE);
  g_assert_cmpstr (error->message, ==,
                   "“王小明”已在 1 条记录中登记，不能删除；请改为设为不在岗。");
  g_clear_error (&error);
  g_assert_true (desk_staff_set_active (store, clerk, FALSE, &error));
  g_assert_no_error (error);

  list = desk_staff_list (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((DeskStaff *) g_ptr_array_index (list, 0))->id, ==, head);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = desk_staff_list (store, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 2);

  /* An inactive name is still that person: ensure does not add a second. */
  g_assert_cmpint (desk_staff_ensure (store, "王小明", &added, &error), ==, clerk);
  g_assert_false (added);

  /* Unused: deleted, and the name can be used again. */
  id = desk_staff_ensure (store, "临时工", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (desk_staff_delete (store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (desk_staff_find (store, "临时工"), ==, 0);
  g_assert_cmpint (desk_staff_ensure (store, "临时工", &added, &error), >, id);
  g_assert_true (added);
}

/* ------------------------------------------------------------------ */

static void
test_committee (void)
{
  g_autoptr(DeskStore) store = desk_test_open_store ("committee.db");
  g_autoptr(DeskCommittee) got = NULL;
  g_autoptr(GError) error = NULL;
  gint64 village, township, village_committee;
  gint64 channel = 0;

  village = village_add (store, "青山村", NULL, NULL);
  township = committee_add (store, "青山镇人民调解委员会", "青山", 0);
  village_committee = committee_add (store, "青山村人民调解委员会", "青山村", village);

  got = desk_committee_get (store, village_committee, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->name, ==, "青山村人民调解委员会");
  g_assert_cmpstr (got->short_name, ==, "青山村");
  g_assert_cmpint (got->type_id, ==, committee_type (store, "村调委会"));
  g_assert_cmpint (got->village_id, ==, village);
  g_assert_cmpint (desk_committee_find (store, "青山镇人民调解委员会"), ==, township);
  g_assert_cmpint (desk_committee_find_short_name (store, "青山"), ==, township);
  g_assert_cmpint (desk_committee_find_short_name (store, "绿水"), ==, 0);

  channel = desk_codes_find (store, DESK_CODE_CHANNEL, "来访");
  {
    struct
    {
      const char *name, *short_name;
      gint64 type_id, village_id;
      const char *from, *until, *field;
    } cases[] = {
      { "", "绿水", 0, 0, NULL, NULL, "名称" },
      { "绿水村人民调解委员会", "", 0, 0, NULL, NULL, "简称" },
      { "绿水村人民调解委员会", NULL, 0, 0, NULL, NULL, "简称" },
      { "绿水村人民调解委员会", "绿 水", 0, 0, NULL, NULL, "简称" },
      { "绿水村人民调解委员会", "绿\u3000水", 0, 0, NULL, NULL, "简称" },
      { "绿水村人民调解委员会", "（绿水）", 0, 0, NULL, NULL, "简称" },
      { "绿水村人民调解委员会", "绿水(村)", 0, 0, NULL, NULL, "简称" },
      { "绿水村人民调解委员会", "绿水【村】", 0, 0, NULL, NULL, "简称" },
      { "绿水村人民调解委员会", "绿水[1]", 0, 0, NULL, NULL, "简称" },
      { "绿水村人民调解委员会", "绿水", -1, 0, NULL, NULL, "类型" },
      { "绿水村人民调解委员会", "绿水", -2, 0, NULL, NULL, "类型" },
      { "绿水村人民调解委员会", "绿水", 0, 9999, NULL, NULL, "村(居)" },
      { "绿水村人民调解委员会", "绿水", 0, 0, "2026-02-29", NULL, "启用日期" },
      { "绿水村人民调解委员会", "绿水", 0, 0, NULL, "不详", "停用日期" },
      { "绿水村人民调解委员会", "绿水", 0, 0, "2026-01-02", "2026-01-01", "停用日期" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(DeskCommittee) bad = desk_committee_new ();

        bad->name = g_strdup (cases[i].name);
        bad->short_name = g_strdup (cases[i].short_name);
        /* -1: no type; -2: a label of another list; 0: a right one */
        bad->type_id = cases[i].type_id == -1 ? 0
                       : cases[i].type_id == -2 ? channel
                       : committee_type (store, "村调委会");
        bad->village_id = cases[i].village_id;
        bad->active_from = g_strdup (cases[i].from);
        bad->active_until = g_strdup (cases[i].until);
        g_assert_cmpint (desk_committee_create (store, bad, &error), ==, 0);
        assert_field_error (error, cases[i].field);
      }
  }
  {
    g_autoptr(DeskCommittee) dup = desk_committee_new ();

    dup->name = g_strdup ("青山镇人民调解委员会");
    dup->short_name = g_strdup ("青山镇");
    dup->type_id = committee_type (store, "乡镇调委会");
    g_assert_cmpint (desk_committee_create (store, dup, &error), ==, 0);
    assert_duplicate_error (error, "名称");

    g_free (dup->name);
    dup->name = g_strdup ("青山镇第二调解委员会");
    g_free (dup->short_name);
    dup->short_name = g_strdup ("青山");
    g_assert_cmpint (desk_committee_create (store, dup, &error), ==, 0);
    assert_duplicate_error (error, "简称");
  }
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM committees"), ==, 2);

  /* Update keeps its own name and short name without calling them taken. */
  got->active_from = g_strdup ("2021-01-01");
  g_assert_true (desk_committee_update (store, got, &error));
  g_assert_no_error (error);
  /* ... but cannot take another's short name. */
  g_free (got->short_name);
  got->short_name = g_strdup ("青山");
  g_assert_false (desk_committee_update (store, got, &error));
  assert_duplicate_error (error, "简称");

  /* A committee with a mediator is in use; retire it instead. */
  {
    gint64 mediator = mediator_add (store, "赵调解", village_committee, FALSE);
    g_autoptr(GPtrArray) list = NULL;
    g_autofree char *names = NULL;

    g_assert_false (desk_committee_delete (store, village_committee, &error));
    g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_IN_USE);
    g_assert_cmpstr (error->message, ==,
                     "“青山村人民调解委员会”下还有 1 名调解员或记录，不能删除；"
                     "请填写停用日期将其停用。");
    g_clear_error (&error);
    g_assert_true (desk_committee_retire (store, village_committee, "2026-06-30", &error));
    g_assert_no_error (error);

    list = desk_committee_list (store, "2026-07-01", &error);
    g_assert_no_error (error);
    names = names_of (list);
    g_assert_cmpstr (names, ==, "青山镇人民调解委员会");
    g_clear_pointer (&list, g_ptr_array_unref);
    g_clear_pointer (&names, g_free);
    list = desk_committee_list (store, "2026-06-30", &error);
    names = names_of (list);
    g_assert_cmpstr (names, ==, "青山镇人民调解委员会 青山村人民调解委员会");
    g_clear_pointer (&list, g_ptr_array_unref);
    g_clear_pointer (&names, g_free);
    list = desk_committee_list (store, "2020-12-31", &error);
    names = names_of (list);
    g_assert_cmpstr (names, ==, "青山镇人民调解委员会");

    /* Without its mediator it can go. */
    g_assert_true (desk_mediator_delete (store, mediator, &error));
    g_assert_no_error (error);
    g_assert_true (desk_committee_delete (store, village_committee, &error));
    g_assert_no_error (error);
    g_assert_cmpint (desk_committee_find (store, "青山村人民调解委员会"), ==, 0);
  }
}

/* ------------------------------------------------------------------ */

static void
test_mediator (void)
{
  g_autoptr(DeskStore) store = desk_test_open_store ("mediator.db");
  g_autoptr(DeskMediator) mediator = desk_mediator_new ();
  g_autoptr(DeskMediator) got = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  gint64 township, other, id, part_time;

  township = committee_add (store, "青山镇人民调解委员会", "青山", 0);
  other = committee_add (store, "青山镇企业调解委员会", "青山企", 0);

  mediator->name = g_strdup ("刘明");
  mediator->sex = DESK_SEX_MALE;
  mediator->phone = g_strdup ("138-0013-8000");
  mediator->committee_id = township;
  mediator->full_time = TRUE;
  mediator->active_from = g_strdup ("2024-01-01");
  id = desk_mediator_create (store, mediator, &error);
  g_assert_no_error (error);
  got = desk_mediator_get (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->name, ==, "刘明");
  g_assert_cmpint (got->sex, ==, DESK_SEX_MALE);
  g_assert_cmpstr (got->phone, ==, "13800138000");
  g_assert_cmpint (got->committee_id, ==, township);
  g_assert_true (got->full_time);
  g_assert_cmpstr (got->active_from, ==, "2024-01-01");
  g_assert_cmpint (desk_mediator_find (store, "刘明", township), ==, id);
  g_assert_cmpint (desk_mediator_find (store, "刘明", other), ==, 0);

  {
    struct
    {
      const char *name;
      int sex;
      const char *phone;
      gint64 committee;
      const char *from, *until, *field;
    } cases[] = {
      { "", DESK_SEX_FEMALE, NULL, 1, NULL, NULL, "姓名" },
      { "陈红", 7, NULL, 1, NULL, NULL, "性别" },
      { "陈红", DESK_SEX_FEMALE, "555", 1, NULL, NULL, "手机" },
      { "陈红", DESK_SEX_FEMALE, "1380013800", 1, NULL, NULL, "手机" },
      { "陈红", DESK_SEX_FEMALE, NULL, 0, NULL, NULL, "调委会" },
      { "陈红", DESK_SEX_FEMALE, NULL, 9999, NULL, NULL, "调委会" },
      { "陈红", DESK_SEX_FEMALE, NULL, 1, "2024-04-31", NULL, "启用日期" },
      { "陈红", DESK_SEX_FEMALE, NULL, 1, NULL, "20241301", "停用日期" },
      { "陈红", DESK_SEX_FEMALE, NULL, 1, "2024-05-01", "2024-04-30", "停用日期" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(DeskMediator) bad = desk_mediator_new ();

        bad->name = g_strdup (cases[i].name);
        bad->sex = (DeskSex) cases[i].sex;
        bad->phone = g_strdup (cases[i].phone);
        bad->committee_id = cases[i].committee == 1 ? township : cases[i].committee;
        bad->active_from = g_strdup (cases[i].from);
        bad->active_until = g_strdup (cases[i].until);
        g_assert_cmpint (desk_mediator_create (store, bad, &error), ==, 0);
        assert_field_error (error, cases[i].field);
      }
  }

  /* Name and committee are the key: the same name in another committee
   * is another membership. */
  {
    g_autoptr(DeskMediator) dup = desk_mediator_new ();

    dup->name = g_strdup ("刘明");
    dup->committee_id = township;
    g_assert_cmpint (desk_mediator_create (store, dup, &error), ==, 0);
    assert_duplicate_error (error, "姓名");
    dup->committee_id = other;
    g_assert_cmpint (desk_mediator_create (store, dup, &error), >, 0);
    g_assert_no_error (error);
  }
  part_time = mediator_add (store, "陈红", township, FALSE);

  list = desk_mediator_list (store, township, NULL, &error);
  g_assert_no_error (error);
  names = names_of (list);
  g_assert_cmpstr (names, ==, "刘明 陈红");
  g_clear_pointer (&list, g_ptr_array_unref);
  g_clear_pointer (&names, g_free);
  list = desk_mediator_list (store, 0, "2023-12-31", &error);
  names = names_of (list);
  g_assert_cmpstr (names, ==, "刘明 陈红");   /* other committee's 刘明 and 陈红: always */
  g_assert_cmpint (((DeskMediator *) g_ptr_array_index (list, 0))->committee_id, ==, other);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_clear_pointer (&names, g_free);

  /* Named in a case: not deleted, not moved to another committee; retired. */
  desk_test_exec (store,
                  "INSERT INTO mediation_cases (number, year, seq, committee_id, accepted_on,"
                  " source_id, dispute_type_id, created_at, updated_at)"
                  " VALUES ('（2026）青山人调字第1号', 2026, 1,"
                  " (SELECT id FROM committees WHERE short_name = '青山'), '2026-03-02',"
                  " (SELECT id FROM codes WHERE kind = 'case_source' AND label = '当事人申请'),"
                  " (SELECT id FROM codes WHERE kind = 'dispute_type' AND label = '邻里纠纷'),"
                  " '2026-03-02 10:00:00', '2026-03-02 10:00:00')");
  desk_test_exec (store,
                  "INSERT INTO case_mediators (case_id, mediator_id)"
                  " VALUES ((SELECT max (id) FROM mediation_cases),"
                  " (SELECT id FROM mediators WHERE name = '陈红'))");
  g_assert_false (desk_mediator_delete (store, part_time, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_IN_USE);
  g_assert_cmpstr (error->message, ==,
                   "“陈红”已在 1 件案件中登记为调解员，不能删除；请填写停用日期将其停用。");
  g_clear_error (&error);
  g_assert_false (desk_committee_delete (store, township, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_IN_USE);
  g_clear_error (&error);
  {
    g_autoptr(DeskMediator) move = desk_mediator_get (store, part_time, &error);

    move->committee_id = other;
    g_assert_false (desk_mediator_update (store, move, &error));
    assert_field_error (error, "调委会");
  }
  g_assert_true (desk_mediator_retire (store, part_time, "2026-09-30", &error));
  g_assert_no_error (error);
  list = desk_mediator_list (store, township, "2026-10-01", &error);
  names = names_of (list);
  g_assert_cmpstr (names, ==, "刘明");
  g_clear_pointer (&list, g_ptr_array_unref);
  g_clear_pointer (&names, g_free);

  /* The case deleted, the mediator is free to go. */
  desk_test_exec (store, "UPDATE mediation_cases SET deleted_at = '2026-10-02 00:00:00'");
  g_assert_true (desk_mediator_delete (store, part_time, &error));
  g_assert_no_error (error);
  g_assert_null (desk_mediator_get (store, part_time, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
}

/* ------------------------------------------------------------------ */

/* Inside an importer's transaction, a failed create takes nothing with it
 * and leaves the rest of the transaction usable. */
static void
test_transactions (void)
{
  g_autoptr(DeskStore) store = desk_test_open_store ("register-tx.db");
  g_autoptr(DeskVillage) bad = desk_village_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_store_begin (store, &error));
  village_add (store, "甲村", NULL, NULL);
  bad->name = g_strdup ("乙村");
  bad->kind = g_strdup ("镇");
  g_assert_cmpint (desk_village_create (store, bad, &error), ==, 0);
  assert_field_error (error, "类型");
  g_assert_true (desk_store_in_transaction (store));
  village_add (store, "丙村", NULL, NULL);
  g_assert_true (desk_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_false (desk_store_in_transaction (store));

  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM villages"), ==, 2);
  g_assert_cmpint (desk_village_find (store, "乙村"), ==, 0);

  /* A failed update leaves the row as it was. */
  {
    g_autoptr(DeskVillage) v = desk_village_get (store, desk_village_find (store, "甲村"),
                                                 &error);
    g_autoptr(DeskVillage) after = NULL;

    g_free (v->name);
    v->name = g_strdup ("甲村新名");
    v->active_until = g_strdup ("坏日期");
    g_assert_false (desk_village_update (store, v, &error));
    assert_field_error (error, "停用日期");
    after = desk_village_get (store, v->id, &error);
    g_assert_cmpstr (after->name, ==, "甲村");
    g_assert_false (desk_store_in_transaction (store));
  }
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("LEGALDESK_LOCALEDIR");

  desk_test_init (&argc, &argv);
  /* The messages are checked as the user reads them, in Chinese. */
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/register/village/create-get-update", test_village_create_get_update);
  g_test_add_func ("/register/village/rejections", test_village_rejections);
  g_test_add_func ("/register/village/in-use-and-delete", test_village_in_use_and_delete);
  g_test_add_func ("/register/village/retire-and-active-on", test_village_retire_and_active_on);
  g_test_add_func ("/register/staff", test_staff);
  g_test_add_func ("/register/committee", test_committee);
  g_test_add_func ("/register/mediator", test_mediator);
  g_test_add_func ("/register/transactions", test_transactions);

  return g_test_run ();
}
