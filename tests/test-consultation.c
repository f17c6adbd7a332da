/* test-consultation.c — consultations: every field's check, numbers per
 * year that are never given twice, given numbers, anonymous visitors,
 * links, filtered lists, and writes that leave nothing behind on failure. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-codes.h"
#include "desk-consultation.h"
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

typedef struct
{
  DeskStore *store;
  gint64     staff;
  gint64     other_staff;
  gint64     person;
  gint64     other_person;
  gint64     village;
  gint64     other_village;
  gint64     visit;          /* 渠道 来访 */
  gint64     phone;          /* 渠道 来电 */
  gint64     inheritance;    /* 咨询类别 继承 */
  gint64     marriage;       /* 咨询类别 婚姻家庭 */
  gint64     answered;       /* 处理结果 当场解答 */
  gint64     to_mediation;   /* 处理结果 引导人民调解 */
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
add_village (DeskStore  *store,
             const char *name)
{
  g_autoptr(DeskVillage) village = desk_village_new ();
  g_autoptr(GError) error = NULL;

  village->name = g_strdup (name);
  village->kind = g_strdup ("村");
  desk_village_create (store, village, &error);
  g_assert_no_error (error);
  return village->id;
}

/* People are entered straight into the table: this file tests
 * consultations, not the register of people. */
static gint64
add_person (DeskStore  *store,
            const char *name)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = desk_store_get_db (store);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO people (name, created_at, updated_at)"
                                       " VALUES (?1, '2026-01-01 00:00:00',"
                                       " '2026-01-01 00:00:00')", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return sqlite3_last_insert_rowid (db);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static int n;
  g_autofree char *name = g_strdup_printf ("consultation-%d.db", ++n);
  g_autoptr(GError) error = NULL;

  g_setenv ("LEGALDESK_TODAY", "2026-11-23", TRUE);
  f->store = desk_test_open_store (name);
  f->staff = desk_staff_ensure (f->store, "王小明", NULL, &error);
  g_assert_no_error (error);
  f->other_staff = desk_staff_ensure (f->store, "李芳", NULL, &error);
  g_assert_no_error (error);
  f->person = add_person (f->store, "张三");
  f->other_person = add_person (f->store, "李四");
  f->village = add_village (f->store, "青山村");
  f->other_village = add_village (f->store, "绿水村");
  f->visit = code (f->store, DESK_CODE_CHANNEL, "来访");
  f->phone = code (f->store, DESK_CODE_CHANNEL, "来电");
  f->inheritance = code (f->store, DESK_CODE_CONSULT_CATEGORY, "继承");
  f->marriage = code (f->store, DESK_CODE_CONSULT_CATEGORY, "婚姻家庭");
  f->answered = code (f->store, DESK_CODE_CONSULT_RESULT, "当场解答");
  f->to_mediation = code (f->store, DESK_CODE_CONSULT_RESULT, "引导人民调解");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
}

/* A valid record at @at; the caller changes what it tests. */
static DeskConsultation *
sample (Fixture    *f,
        const char *at)
{
  DeskConsultation *c = desk_consultation_new ();

  c->at = g_strdup (at);
  c->staff_id = f->staff;
  c->channel_id = f->visit;
  c->person_id = f->person;
  c->village_id = f->village;
  c->category_id = f->inheritance;
  c->content = g_strdup ("父亲去世后房屋如何继承");
  c->reply = g_strdup ("告知法定继承顺序");
  c->result_id = f->answered;
  return c;
}

/* Creates a sample at @at and returns its number. */
static char *
create_at (Fixture    *f,
           const char *at)
{
  g_autoptr(DeskConsultation) c = sample (f, at);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (desk_consultation_create (f->store, c, &error), >, 0);
  g_assert_no_error (error);
  return g_strdup (c->number);
}

static gint64
sequence_last (DeskStore *store,
               int        year)
{
  sqlite3_stmt *stmt = NULL;
  gint64 last = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (desk_store_get_db (store),
                                       "SELECT last FROM sequences"
                                       " WHERE scope = 'consultation' AND year = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    last = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return last;
}

static gint64
count_consultations (DeskStore *store)
{
  return desk_test_query_int (store, "SELECT count(*) FROM consultations");
}

/* ------------------------------------------------------------------ */

static void
test_create_and_get (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(DeskConsultation) c = sample (f, "2026/3/5 9:05");
  g_autoptr(DeskConsultation) got = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  c->companions = 2;
  c->content = (g_free (c->content), g_strdup ("  父亲去世后房屋如何继承\n"));
  c->reply = (g_free (c->reply), g_strdup ("   "));
  id = desk_consultation_create (f->store, c, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (c->id, ==, id);
  g_assert_cmpstr (c->number, ==, "ZX2026-0001");

  got = desk_consultation_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->number, ==, "ZX2026-0001");
  g_assert_cmpstr (got->at, ==, "2026-03-05 09:05");
  g_assert_cmpint (got->staff_id, ==, f->staff);
  g_assert_cmpint (got->channel_id, ==, f->visit);
  g_assert_cmpint (got->person_id, ==, f->person);
  g_assert_cmpint (got->companions, ==, 2);
  g_assert_cmpint (got->village_id, ==, f->village);
  g_assert_cmpint (got->category_id, ==, f->inheritance);
  g_assert_cmpstr (got->content, ==, "父亲去世后房屋如何继承");
  g_assert_null (got->reply);
  g_assert_cmpint (got->result_id, ==, f->answered);
  g_assert_cmpint (got->case_id, ==, 0);
  g_assert_cmpint (got->aid_id, ==, 0);
  g_assert_nonnull (got->created_at);
  g_assert_cmpint (desk_consultation_find (f->store, "ZX2026-0001"), ==, id);
  g_assert_cmpint (desk_consultation_find (f->store, "ZX2026-0002"), ==, 0);

  g_assert_null (desk_consultation_get (f->store, id + 100, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
}

static void
test_anonymous (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DeskConsultation) c = sample (f, "2026-04-01 10:00");
  g_autoptr(DeskConsultation) fresh = desk_consultation_new ();
  g_autoptr(DeskConsultation) got = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (fresh->companions, ==, 1);   /* the visitor alone */
  c->person_id = 0;
  c->village_id = 0;
  c->companions = 3;
  c->channel_id = f->phone;
  g_assert_cmpint (desk_consultation_create (f->store, c, &error), >, 0);
  g_assert_no_error (error);

  got = desk_consultation_get (f->store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->person_id, ==, 0);
  g_assert_cmpint (got->village_id, ==, 0);
  g_assert_cmpint (got->companions, ==, 3);
  g_assert_cmpint (desk_test_query_int (f->store, "SELECT count(*) FROM consultations"
                                        " WHERE person_id IS NULL AND village_id IS NULL"),
                   ==, 1);
}

static void
test_numbers_per_year (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *a = create_at (f, "2025-12-31 23:59");
  g_autofree char *b = create_at (f, "2026-01-01 00:00");
  g_autofree char *c = create_at (f, "2026-01-01 08:30");
  g_autofree char *d = create_at (f, "2025-06-01 10:00");

  g_assert_cmpstr (a, ==, "ZX2025-0001");
  g_assert_cmpstr (b, ==, "ZX2026-0001");
  g_assert_cmpstr (c, ==, "ZX2026-0002");
  g_assert_cmpstr (d, ==, "ZX2025-0002");
  g_assert_cmpint (sequence_last (f->store, 2025), ==, 2);
  g_assert_cmpint (sequence_last (f->store, 2026), ==, 2);
}

static void
test_never_reused (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *one = create_at (f, "2026-02-01 09:00");
  g_autofree char *two = create_at (f, "2026-02-02 09:00");
  g_autofree char *three = create_at (f, "2026-02-03 09:00");
  g_autofree char *four = NULL;
  g_autoptr(DeskConsultation) again = sample (f, "2026-02-04 09:00");
  g_autoptr(GError) error = NULL;
  gint64 id_two = desk_consultation_find (f->store, two);
  gint64 id_three = desk_consultation_find (f->store, three);

  g_assert_true (desk_consultation_delete (f->store, id_three, &error));
  g_assert_no_error (error);
  g_assert_true (desk_consultation_delete (f->store, id_two, &error));
  g_assert_no_error (error);
  g_assert_false (desk_consultation_delete (f->store, id_two, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (desk_consultation_get (f->store, id_two, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (desk_consultation_find (f->store, two), ==, 0);

  /* The deleted numbers stay given. */
  four = create_at (f, "2026-02-04 09:00");
  g_assert_cmpstr (four, ==, "ZX2026-0004");

  /* ... also when someone types one of them. */
  again->number = g_strdup ("ZX2026-0002");
  g_assert_cmpint (desk_consultation_create (f->store, again, &error), ==, 0);
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE);
  g_assert_true (g_str_has_prefix (error->message, "编号："));
  g_clear_error (&error);
  g_assert_cmpint (count_consultations (f->store), ==, 4);
  g_assert_cmpint (sequence_last (f->store, 2026), ==, 4);
}

static void
test_given_numbers (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;
  const char *wrong[] = {
    "ZX2026-1", "ZX2026-001", "zx2026-0001", "ZX2026-00001", "ZX26-0001", "ZX2026-0000",
    "ZX2026—0001", "ZX2026_0001", "FY2026-0001", "ZX２０２６-0001", "ZX2026-0001号",
    "（2026）ZX-0001", "ZX2026-1234567",
  };

  /* Kept as written, and later numbers continue after it. */
  {
    g_autoptr(DeskConsultation) c = sample (f, "2026-05-01 09:00");

    c->number = g_strdup ("ZX2026-0010");
    g_assert_cmpint (desk_consultation_create (f->store, c, &error), >, 0);
    g_assert_no_error (error);
    g_assert_cmpstr (c->number, ==, "ZX2026-0010");
  }
  next = create_at (f, "2026-05-02 09:00");
  g_assert_cmpstr (next, ==, "ZX2026-0011");
  g_clear_pointer (&next, g_free);

  /* A lower number never used is fine (an old ledger); the sequence does
   * not go back. */
  {
    g_autoptr(DeskConsultation) c = sample (f, "2026-01-15 09:00");

    c->number = g_strdup (" ZX2026-0005 ");
    g_assert_cmpint (desk_consultation_create (f->store, c, &error), >, 0);
    g_assert_no_error (error);
    g_assert_cmpstr (c->number, ==, "ZX2026-0005");
  }
  next = create_at (f, "2026-05-03 09:00");
  g_assert_cmpstr (next, ==, "ZX2026-0012");
  g_clear_pointer (&next, g_free);

  /* Used by a live record. */
  {
    g_autoptr(DeskConsultation) c = sample (f, "2026-05-04 09:00");

    c->number = g_strdup ("ZX2026-0010");
    g_assert_cmpint (desk_consultation_create (f->store, c, &error), ==, 0);
    g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE);
    g_assert_true (g_str_has_prefix (error->message, "编号："));
    g_clear_error (&error);
  }

  /* Another year's number. */
  {
    g_autoptr(DeskConsultation) c = sample (f, "2026-05-04 09:00");

    c->number = g_strdup ("ZX2025-0003");
    g_assert_cmpint (desk_consultation_create (f->store, c, &error), ==, 0);
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "2025"));
    assert_field_error (error, "编号");
    g_assert_cmpint (sequence_last (f->store, 2025), ==, 0);
  }

  /* Another form. */
  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autoptr(DeskConsultation) c = sample (f, "2026-05-04 09:00");

      c->number = g_strdup (wrong[i]);
      g_assert_cmpint (desk_consultation_create (f->store, c, &error), ==, 0);
      assert_field_error (error, "编号");
      g_assert_false (desk_consultation_parse_number (wrong[i], NULL, NULL));
    }

  g_assert_cmpint (count_consultations (f->store), ==, 4);
  g_assert_cmpint (sequence_last (f->store, 2026), ==, 12);

  {
    int year = 0, seq = 0;

    g_assert_true (desk_consultation_parse_number ("ZX2026-0012", &year, &seq));
    g_assert_cmpint (year, ==, 2026);
    g_assert_cmpint (seq, ==, 12);
    g_assert_true (desk_consultation_parse_number ("ZX2026-12345", &year, &seq));
    g_assert_cmpint (seq, ==, 12345);
  }
}

typedef enum
{
  BAD_AT,
  BAD_STAFF,
  BAD_CHANNEL,
  BAD_PERSON,
  BAD_COMPANIONS,
  BAD_VILLAGE,
  BAD_CATEGORY,
  BAD_CONTENT,
  BAD_RESULT,
} BadField;

static void
test_rejections (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 deleted_staff, deleted_person, deleted_village;
  struct
  {
    BadField    what;
    const char *text;
    gint64      value;
    const char *field;
  } cases[] = {
    { BAD_AT, NULL, 0, "日期时间" },
    { BAD_AT, "", 0, "日期时间" },
    { BAD_AT, "2026-02-30 10:00", 0, "日期时间" },
    { BAD_AT, "2026-03-01 24:00", 0, "日期时间" },
    { BAD_AT, "昨天上午", 0, "日期时间" },
    { BAD_AT, "2026-11-24 08:00", 0, "日期时间" },   /* tomorrow */
    { BAD_AT, "2027-01-01 00:00", 0, "日期时间" },
    { BAD_STAFF, NULL, 0, "接待人" },
    { BAD_STAFF, NULL, 9999, "接待人" },
    { BAD_STAFF, NULL, -1, "接待人" },               /* replaced by the deleted one */
    { BAD_CHANNEL, NULL, 0, "渠道" },
    { BAD_CHANNEL, NULL, -1, "渠道" },               /* a category's id */
    { BAD_CHANNEL, NULL, 99999, "渠道" },
    { BAD_PERSON, NULL, 9999, "咨询人" },
    { BAD_PERSON, NULL, -1, "咨询人" },              /* replaced by the deleted one */
    { BAD_COMPANIONS, NULL, 0, "同来人数" },
    { BAD_COMPANIONS, NULL, -2, "同来人数" },
    { BAD_VILLAGE, NULL, 9999, "所在村(居)" },
    { BAD_VILLAGE, NULL, -1, "所在村(居)" },         /* replaced by the deleted one */
    { BAD_CATEGORY, NULL, 0, "咨询类别" },
    { BAD_CATEGORY, NULL, -1, "咨询类别" },          /* a channel's id */
    { BAD_CONTENT, NULL, 0, "咨询内容" },
    { BAD_CONTENT, " \n ", 0, "咨询内容" },
    { BAD_RESULT, NULL, 0, "处理结果" },
    { BAD_RESULT, NULL, -1, "处理结果" },            /* a category's id */
  };

  deleted_staff = desk_staff_ensure (f->store, "离职人员", NULL, &error);
  g_assert_true (desk_staff_delete (f->store, deleted_staff, &error));
  deleted_person = add_person (f->store, "已删除");
  desk_test_exec (f->store,
                  "UPDATE people SET deleted_at = '2026-02-01 00:00:00' WHERE name = '已删除'");
  deleted_village = add_village (f->store, "撤并村");
  g_assert_true (desk_village_delete (f->store, deleted_village, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DeskConsultation) c = sample (f, "2026-06-01 09:00");
      gint64 v = cases[i].value;

      switch (cases[i].what)
        {
        case BAD_AT:
          g_free (c->at);
          c->at = g_strdup (cases[i].text);
          break;
        case BAD_STAFF:
          c->staff_id = v == -1 ? deleted_staff : v;
          break;
        case BAD_CHANNEL:
          c->channel_id = v == -1 ? f->inheritance : v;
          break;
        case BAD_PERSON:
          c->person_id = v == -1 ? deleted_person : v;
          break;
        case BAD_COMPANIONS:
          c->companions = (int) v;
          break;
        case BAD_VILLAGE:
          c->village_id = v == -1 ? deleted_village : v;
          break;
        case BAD_CATEGORY:
          c->category_id = v == -1 ? f->visit : v;
          break;
        case BAD_CONTENT:
          g_free (c->content);
          c->content = g_strdup (cases[i].text);
          break;
        case BAD_RESULT:
          c->result_id = v == -1 ? f->marriage : v;
          break;
        default:
          g_assert_not_reached ();
        }
      g_assert_cmpint (desk_consultation_create (f->store, c, &error), ==, 0);
      assert_field_error (error, cases[i].field);
      g_assert_null (c->number);
      g_assert_false (desk_store_in_transaction (f->store));
    }

  g_assert_cmpint (count_consultations (f->store), ==, 0);
  g_assert_cmpint (desk_test_query_int (f->store, "SELECT count(*) FROM sequences"), ==, 0);
}

/* "Today" is what LEGALDESK_TODAY says: later that day is fine, the next
 * day is not. */
static void
test_future_dates (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("LEGALDESK_TODAY", "2026-03-10", TRUE);
  {
    g_autoptr(DeskConsultation) c = sample (f, "2026-03-10 23:59");

    g_assert_cmpint (desk_consultation_create (f->store, c, &error), >, 0);
    g_assert_no_error (error);
  }
  {
    g_autoptr(DeskConsultation) c = sample (f, "2026-03-11 00:00");

    g_assert_cmpint (desk_consultation_create (f->store, c, &error), ==, 0);
    assert_field_error (error, "日期时间");
  }
  g_setenv ("LEGALDESK_TODAY", "2026-03-11", TRUE);
  {
    g_autoptr(DeskConsultation) c = sample (f, "2026-03-11 00:00");

    g_assert_cmpint (desk_consultation_create (f->store, c, &error), >, 0);
    g_assert_no_error (error);
  }
  g_setenv ("LEGALDESK_TODAY", "2026-11-23", TRUE);
  g_assert_cmpint (count_consultations (f->store), ==, 2);
}

static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(DeskConsultation) c = sample (f, "2026-07-01 10:00");
  g_autoptr(DeskConsultation) got = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = desk_consultation_create (f->store, c, &error);
  g_assert_no_error (error);

  /* Every field but the number may change within the year. */
  g_free (c->at);
  c->at = g_strdup ("2026-12-31 08:00");
  g_setenv ("LEGALDESK_TODAY", "2026-12-31", TRUE);
  c->staff_id = f->other_staff;
  c->channel_id = f->phone;
  c->person_id = 0;
  c->companions = 4;
  c->village_id = f->other_village;
  c->category_id = f->marriage;
  g_free (c->content);
  c->content = g_strdup ("离婚后子女抚养");
  g_free (c->reply);
  c->reply = NULL;
  c->result_id = f->to_mediation;
  g_assert_true (desk_consultation_update (f->store, c, &error));
  g_assert_no_error (error);
  got = desk_consultation_get (f->store, id, &error);
  g_assert_cmpstr (got->number, ==, "ZX2026-0001");
  g_assert_cmpstr (got->at, ==, "2026-12-31 08:00");
  g_assert_cmpint (got->staff_id, ==, f->other_staff);
  g_assert_cmpint (got->channel_id, ==, f->phone);
  g_assert_cmpint (got->person_id, ==, 0);
  g_assert_cmpint (got->companions, ==, 4);
  g_assert_cmpint (got->village_id, ==, f->other_village);
  g_assert_cmpint (got->category_id, ==, f->marriage);
  g_assert_cmpstr (got->content, ==, "离婚后子女抚养");
  g_assert_null (got->reply);
  g_assert_cmpint (got->result_id, ==, f->to_mediation);

  /* Not into another year: the number says 2026. */
  g_setenv ("LEGALDESK_TODAY", "2027-01-05", TRUE);
  g_free (got->at);
  got->at = g_strdup ("2027-01-02 09:00");
  g_assert_false (desk_consultation_update (f->store, got, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "ZX2026-0001"));
  assert_field_error (error, "日期时间");
  g_free (got->at);
  got->at = g_strdup ("2025-12-31 09:00");
  g_assert_false (desk_consultation_update (f->store, got, &error));
  assert_field_error (error, "日期时间");
  g_setenv ("LEGALDESK_TODAY", "2026-12-31", TRUE);

  /* Not into the future, not with a field wrong. */
  g_free (got->at);
  got->at = g_strdup ("2027-01-01 00:00");
  g_assert_false (desk_consultation_update (f->store, got, &error));
  assert_field_error (error, "日期时间");
  g_free (got->at);
  got->at = g_strdup ("2026-12-31 08:00");
  got->companions = 0;
  g_assert_false (desk_consultation_update (f->store, got, &error));
  assert_field_error (error, "同来人数");
  got->companions = 1;

  /* The number stays. */
  g_free (got->number);
  got->number = g_strdup ("ZX2026-0099");
  g_assert_false (desk_consultation_update (f->store, got, &error));
  assert_field_error (error, "编号");
  g_clear_pointer (&got->number, g_free);
  g_assert_true (desk_consultation_update (f->store, got, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (got->number, ==, "ZX2026-0001");

  /* A deleted record cannot be saved. */
  g_assert_true (desk_consultation_delete (f->store, id, &error));
  g_assert_false (desk_consultation_update (f->store, got, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_setenv ("LEGALDESK_TODAY", "2026-11-23", TRUE);
}

static void
test_list_and_count (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 id[7];
  struct
  {
    const char *at;
    gboolean    phone;
    gboolean    marriage;
    gboolean    mediation;
    gboolean    other_village;
    gboolean    other_person;
  } rows[] = {
    { "2026-03-01 00:00", FALSE, FALSE, FALSE, FALSE, FALSE },  /* 0 */
    { "2026-03-05 23:30", TRUE, FALSE, FALSE, FALSE, FALSE },   /* 1 */
    { "2026-03-05 23:30", TRUE, TRUE, FALSE, TRUE, FALSE },     /* 2: same minute as 1 */
    { "2026-03-06 00:00", FALSE, TRUE, TRUE, TRUE, TRUE },      /* 3 */
    { "2026-02-28 23:59", FALSE, FALSE, TRUE, FALSE, TRUE },    /* 4 */
    { "2025-03-03 10:00", TRUE, FALSE, FALSE, FALSE, FALSE },   /* 5 */
    { "2026-03-02 10:00", FALSE, FALSE, FALSE, FALSE, FALSE },  /* 6: deleted */
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(DeskConsultation) c = sample (f, rows[i].at);

      c->channel_id = rows[i].phone ? f->phone : f->visit;
      c->category_id = rows[i].marriage ? f->marriage : f->inheritance;
      c->result_id = rows[i].mediation ? f->to_mediation : f->answered;
      c->village_id = rows[i].other_village ? f->other_village : f->village;
      c->person_id = rows[i].other_person ? f->other_person : f->person;
      id[i] = desk_consultation_create (f->store, c, &error);
      g_assert_no_error (error);
    }
  g_assert_true (desk_consultation_delete (f->store, id[6], &error));

#define ASSERT_IDS(filter, ...)                                          \
  G_STMT_START {                                                         \
    const gint64 expected_[] = { __VA_ARGS__ };                          \
    g_clear_pointer (&ids, g_array_unref);                               \
    ids = desk_consultation_list (f->store, (filter), &error);           \
    g_assert_no_error (error);                                           \
    g_assert_cmpmem (ids->data, ids->len * sizeof (gint64),              \
                     expected_, sizeof expected_);                       \
  } G_STMT_END

  /* Latest first; the same minute by id, latest first. */
  ASSERT_IDS (NULL, id[3], id[2], id[1], id[0], id[4], id[5]);
  g_assert_cmpint (desk_consultation_count (f->store, NULL, &error), ==, 6);

  {
    DeskConsultationFilter march = { .from = "2026-03-01", .to = "2026-03-05" };

    /* Both ends inclusive: 00:00 on the first day, 23:30 on the last. */
    ASSERT_IDS (&march, id[2], id[1], id[0]);
    g_assert_cmpint (desk_consultation_count (f->store, &march, &error), ==, 3);

    march.channel_id = f->phone;
    ASSERT_IDS (&march, id[2], id[1]);
    march.category_id = f->marriage;
    ASSERT_IDS (&march, id[2]);
    g_assert_cmpint (desk_consultation_count (f->store, &march, &error), ==, 1);
  }
  {
    DeskConsultationFilter from_only = { .from = "2026-03-05" };
    DeskConsultationFilter to_only = { .to = "2026-02-28" };

    ASSERT_IDS (&from_only, id[3], id[2], id[1]);
    ASSERT_IDS (&to_only, id[4], id[5]);
  }
  {
    DeskConsultationFilter by_result = { .result_id = f->to_mediation };
    DeskConsultationFilter by_village = { .village_id = f->other_village };
    DeskConsultationFilter by_person = { .person_id = f->other_person };
    DeskConsultationFilter by_category = { .category_id = f->marriage };

    ASSERT_IDS (&by_result, id[3], id[4]);
    ASSERT_IDS (&by_village, id[3], id[2]);
    ASSERT_IDS (&by_person, id[3], id[4]);
    ASSERT_IDS (&by_category, id[3], id[2]);
  }
  {
    DeskConsultationFilter page = { .limit = 2 };

    ASSERT_IDS (&page, id[3], id[2]);
    page.offset = 2;
    ASSERT_IDS (&page, id[1], id[0]);
    page.offset = 4;
    ASSERT_IDS (&page, id[4], id[5]);
    /* The count ignores the page. */
    g_assert_cmpint (desk_consultation_count (f->store, &page, &error), ==, 6);
    page.offset = 6;
    g_clear_pointer (&ids, g_array_unref);
    ids = desk_consultation_list (f->store, &page, &error);
    g_assert_cmpuint (ids->len, ==, 0);
  }
  {
    DeskConsultationFilter nothing = { .from = "2024-01-01", .to = "2024-12-31" };

    g_clear_pointer (&ids, g_array_unref);
    ids = desk_consultation_list (f->store, &nothing, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 0);
    g_assert_cmpint (desk_consultation_count (f->store, &nothing, &error), ==, 0);
  }
#undef ASSERT_IDS
}

static void
test_links (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(DeskConsultation) c = sample (f, "2026-08-03 15:00");
  g_autoptr(DeskConsultation) got = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, case_id, aid_id;

  c->result_id = f->to_mediation;
  id = desk_consultation_create (f->store, c, &error);
  g_assert_no_error (error);

  desk_test_exec (f->store,
                  "INSERT INTO committees (name, short_name, type_id, created_at, updated_at)"
                  " VALUES ('青山镇人民调解委员会', '青山',"
                  " (SELECT id FROM codes WHERE kind = 'committee_type' AND label = '乡镇调委会'),"
                  " '2026-01-01 00:00:00', '2026-01-01 00:00:00')");
  desk_test_exec (f->store,
                  "INSERT INTO mediation_cases (number, year, seq, committee_id, accepted_on,"
                  " source_id, dispute_type_id, created_at, updated_at)"
                  " VALUES ('（2026）青山人调字第1号', 2026, 1, (SELECT max (id) FROM committees),"
                  " '2026-08-03',"
                  " (SELECT id FROM codes WHERE kind = 'case_source' AND label = '当事人申请'),"
                  " (SELECT id FROM codes WHERE kind = 'dispute_type' AND label = '邻里纠纷'),"
                  " '2026-08-03 16:00:00', '2026-08-03 16:00:00')");
  case_id = desk_test_query_int (f->store, "SELECT max (id) FROM mediation_cases");
  desk_test_exec (f->store,
                  "INSERT INTO legal_aid (number, year, seq, received_at, receiver_id, person_id,"
                  " matter_type_id, matter_id, created_at, updated_at)"
                  " VALUES ('FY2026-0001', 2026, 1, '2026-08-03 16:00',"
                  " (SELECT min (id) FROM staff), (SELECT min (id) FROM people),"
                  " (SELECT id FROM codes WHERE kind = 'aid_matter_type' AND label = '民事'),"
                  " (SELECT id FROM codes WHERE kind = 'aid_matter' AND label = '其他'),"
                  " '2026-08-03 16:00:00', '2026-08-03 16:00:00')");
  aid_id = desk_test_query_int (f->store, "SELECT max (id) FROM legal_aid");

  g_assert_true (desk_consultation_link_case (f->store, id, case_id, &error));
  g_assert_no_error (error);
  g_assert_true (desk_consultation_link_aid (f->store, id, aid_id, &error));
  g_assert_no_error (error);
  got = desk_consultation_get (f->store, id, &error);
  g_assert_cmpint (got->case_id, ==, case_id);
  g_assert_cmpint (got->aid_id, ==, aid_id);

  /* Saving the record keeps its links. */
  g_free (got->reply);
  got->reply = g_strdup ("已引导调解");
  got->case_id = 0;
  g_assert_true (desk_consultation_update (f->store, got, &error));
  g_clear_pointer (&got, desk_consultation_free);
  got = desk_consultation_get (f->store, id, &error);
  g_assert_cmpint (got->case_id, ==, case_id);

  /* Links to nothing are refused; 0 removes a link. */
  g_assert_false (desk_consultation_link_case (f->store, id, case_id + 50, &error));
  assert_field_error (error, "调解案件");
  g_assert_false (desk_consultation_link_aid (f->store, id, aid_id + 50, &error));
  assert_field_error (error, "法律援助申请");
  desk_test_exec (f->store, "UPDATE legal_aid SET deleted_at = '2026-08-04 00:00:00'");
  g_assert_false (desk_consultation_link_aid (f->store, id, aid_id, &error));
  assert_field_error (error, "法律援助申请");
  g_assert_true (desk_consultation_link_aid (f->store, id, 0, &error));
  g_assert_no_error (error);
  g_clear_pointer (&got, desk_consultation_free);
  got = desk_consultation_get (f->store, id, &error);
  g_assert_cmpint (got->aid_id, ==, 0);
  g_assert_cmpint (got->case_id, ==, case_id);

  g_assert_false (desk_consultation_link_case (f->store, id + 100, case_id, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
}

/* A create that fails after its number was drawn gives nothing away: the
 * number, the sequence and the row are one transaction. */
static void
test_failed_create_leaves_nothing (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = create_at (f, "2026-09-01 09:00");

  /* The insert itself fails, after the sequence moved. */
  desk_test_exec (f->store,
                  "CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.consultations"
                  " WHEN NEW.content = '失败' BEGIN SELECT RAISE (ABORT, 'refused'); END");
  {
    g_autoptr(DeskConsultation) c = sample (f, "2026-09-02 09:00");

    g_free (c->content);
    c->content = g_strdup ("失败");
    g_assert_cmpint (desk_consultation_create (f->store, c, &error), ==, 0);
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_null (c->number);   /* a retry asks for a number again */
    g_assert_false (desk_store_in_transaction (f->store));

    /* A given number is not claimed either, and stays the record's. */
    c->number = g_strdup ("ZX2026-0050");
    g_assert_cmpint (desk_consultation_create (f->store, c, &error), ==, 0);
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_cmpstr (c->number, ==, "ZX2026-0050");
  }
  g_assert_cmpint (count_consultations (f->store), ==, 1);
  g_assert_cmpint (sequence_last (f->store, 2026), ==, 1);
  {
    g_autofree char *second = create_at (f, "2026-09-03 09:00");

    g_assert_cmpstr (second, ==, "ZX2026-0002");
  }

  /* Inside an importer's transaction, a failed create takes only itself
   * back. */
  g_assert_true (desk_store_begin (f->store, &error));
  {
    g_autofree char *third = create_at (f, "2026-09-04 09:00");
    g_autoptr(DeskConsultation) bad = sample (f, "2026-09-05 09:00");

    bad->companions = 0;
    g_assert_cmpint (desk_consultation_create (f->store, bad, &error), ==, 0);
    assert_field_error (error, "同来人数");
    g_assert_true (desk_store_in_transaction (f->store));
    g_assert_cmpstr (third, ==, "ZX2026-0003");
  }
  g_assert_true (desk_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_consultations (f->store), ==, 3);
  g_assert_cmpint (sequence_last (f->store, 2026), ==, 3);

  /* A whole import rolled back takes its numbers back too. */
  g_assert_true (desk_store_begin (f->store, &error));
  g_free (create_at (f, "2026-09-06 09:00"));
  desk_store_rollback (f->store);
  g_assert_cmpint (count_consultations (f->store), ==, 3);
  g_assert_cmpint (sequence_last (f->store, 2026), ==, 3);
}

/* A consultation holds its staff member and village: they are retired,
 * not deleted, while it lives. */
static void
test_registers_in_use (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *number = create_at (f, "2026-10-10 10:10");
  gint64 id = desk_consultation_find (f->store, number);

  g_assert_false (desk_staff_delete (f->store, f->staff, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_false (desk_village_delete (f->store, f->village, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_true (desk_staff_set_active (f->store, f->staff, FALSE, &error));
  g_assert_true (desk_village_retire (f->store, f->village, "2026-10-31", &error));
  g_assert_no_error (error);

  /* The record still opens and saves with its retired staff member. */
  {
    g_autoptr(DeskConsultation) c = desk_consultation_get (f->store, id, &error);

    g_assert_true (desk_consultation_update (f->store, c, &error));
    g_assert_no_error (error);
  }

  g_assert_true (desk_consultation_delete (f->store, id, &error));
  g_assert_true (desk_staff_delete (f->store, f->staff, &error));
  g_assert_no_error (error);
  g_assert_true (desk_village_delete (f->store, f->village, &error));
  g_assert_no_error (error);
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

#define ADD(path, func) \
  g_test_add ("/consultation/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("create-and-get", test_create_and_get);
  ADD ("anonymous", test_anonymous);
  ADD ("numbers-per-year", test_numbers_per_year);
  ADD ("never-reused", test_never_reused);
  ADD ("given-numbers", test_given_numbers);
  ADD ("rejections", test_rejections);
  ADD ("future-dates", test_future_dates);
  ADD ("update", test_update);
  ADD ("list-and-count", test_list_and_count);
  ADD ("links", test_links);
  ADD ("failed-create-leaves-nothing", test_failed_create_leaves_nothing);
  ADD ("registers-in-use", test_registers_in_use);
#undef ADD

  return g_test_run ();
}
