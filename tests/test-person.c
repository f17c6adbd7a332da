/* test-person.c — the register of people and organisations: one entry per
 * person, duplicates refused, normalisation on the way in, search. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-person.h"
#include "desk-test-util.h"

#define TODAY "2026-11-23"

static int store_counter;

static DeskStore *
new_store (void)
{
  g_autofree char *name = g_strdup_printf ("person-%d.db", ++store_counter);

  return desk_test_open_store (name);
}

static DeskPerson *
make_person (const char *name,
             const char *id_number,
             const char *phone)
{
  DeskPerson *p = desk_person_new ();

  p->name = g_strdup (name);
  p->id_number = g_strdup (id_number);
  p->phone = g_strdup (phone);
  return p;
}

static gint64
create_ok (DeskStore  *store,
           DeskPerson *p)
{
  g_autoptr(GError) error = NULL;
  gint64 id = desk_person_create (store, p, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (p->id, ==, id);
  return id;
}

static gint64
add_village (DeskStore  *store,
             const char *name)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (desk_store_get_db (store),
                                       "INSERT INTO villages (name, kind, created_at, updated_at)"
                                       " VALUES (?1, '村', 't', 't')", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return sqlite3_last_insert_rowid (desk_store_get_db (store));
}

static gint64
count_people (DeskStore *store)
{
  return desk_test_query_int (store, "SELECT count(*) FROM people");
}

static void
assert_message (const GError *error,
                const char   *fragment)
{
  g_assert_nonnull (error);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, fragment);
}

/* Create, get, update, delete */

static void
test_crud (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autoptr(DeskPerson) p = make_person ("  张三 ", NULL, "+86 138 0013 8000");
  g_autoptr(DeskPerson) got = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  p->address = g_strdup ("  青山镇青山村 ");
  p->notes = g_strdup ("   ");
  p->is_farmer = TRUE;
  p->sex = DESK_SEX_MALE;
  p->birth_date = g_strdup ("1970年5月6日");
  id = create_ok (store, p);
  g_assert_nonnull (p->created_at);
  g_assert_cmpstr (p->created_at, ==, p->updated_at);

  got = desk_person_get (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->id, ==, id);
  g_assert_cmpint (got->kind, ==, DESK_PERSON_NATURAL);
  g_assert_cmpstr (got->name, ==, "张三");
  g_assert_cmpstr (got->phone, ==, "13800138000");
  g_assert_cmpstr (got->address, ==, "青山镇青山村");
  g_assert_null (got->notes);
  g_assert_cmpstr (got->id_type, ==, "居民身份证");
  g_assert_null (got->id_number);
  g_assert_cmpstr (got->birth_date, ==, "1970-05-06");
  g_assert_cmpint (got->sex, ==, DESK_SEX_MALE);
  g_assert_true (got->is_farmer);
  g_assert_false (got->is_disabled);
  g_assert_null (got->ethnicity);
  g_assert_cmpint (got->village_id, ==, 0);
  g_assert_cmpstr (got->created_at, ==, p->created_at);

  /* Update */
  g_free (got->address);
  got->address = g_strdup ("青山镇白水村");
  got->is_disabled = TRUE;
  g_free (got->ethnicity);
  got->ethnicity = g_strdup ("苗族");
  g_assert_true (desk_person_update (store, got, &error));
  g_assert_no_error (error);
  {
    g_autoptr(DeskPerson) again = desk_person_get (store, id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (again->address, ==, "青山镇白水村");
    g_assert_cmpstr (again->ethnicity, ==, "苗族");
    g_assert_true (again->is_disabled);
    g_assert_true (again->is_farmer);
    g_assert_cmpstr (again->created_at, ==, p->created_at);
  }

  /* Delete (soft) */
  g_assert_true (desk_person_delete (store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_people (store), ==, 1);
  g_assert_cmpint (desk_test_query_int (store, "SELECT deleted_at IS NOT NULL FROM people"), ==, 1);
  g_assert_null (desk_person_get (store, id, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "该当事人不存在或已被删除。");
  g_clear_error (&error);

  /* A deleted entry cannot be updated or deleted again. */
  g_assert_false (desk_person_update (store, got, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (desk_person_delete (store, id, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (desk_person_get (store, 9999, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_assert_false (desk_store_in_transaction (store));
}

static void
test_copy (void)
{
  g_autoptr(DeskPerson) p = make_person ("张三", "360426199101010071", "13800138000");
  g_autoptr(DeskPerson) c = NULL;

  p->ethnicity = g_strdup ("苗族");
  p->is_military = TRUE;
  c = desk_person_copy (p);
  g_assert_true (c->name != p->name);
  g_assert_cmpstr (c->name, ==, "张三");
  g_assert_cmpstr (c->id_number, ==, "360426199101010071");
  g_assert_cmpstr (c->ethnicity, ==, "苗族");
  g_assert_true (c->is_military);
}

/* ID numbers fill the person */

static void
test_id_fills (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autoptr(DeskPerson) a = make_person ("张三", "360426199101010071", NULL);
  g_autoptr(DeskPerson) b = make_person ("李梅", " 120103198806018241 ", NULL);
  g_autoptr(DeskPerson) c = make_person ("王五", "11010119800101103x", NULL);
  g_autoptr(DeskPerson) d = make_person ("赵六", "360426620101002", NULL);
  g_autoptr(DeskPerson) got = NULL;

  create_ok (store, a);
  g_assert_cmpstr (a->birth_date, ==, "1991-01-01");
  g_assert_cmpint (a->sex, ==, DESK_SEX_MALE);
  g_assert_false (a->id_old);

  create_ok (store, b);
  g_assert_cmpstr (b->id_number, ==, "120103198806018241");
  g_assert_cmpint (b->sex, ==, DESK_SEX_FEMALE);
  g_assert_cmpstr (b->birth_date, ==, "1988-06-01");

  create_ok (store, c);
  g_assert_cmpstr (c->id_number, ==, "11010119800101103X");

  create_ok (store, d);
  g_assert_true (d->id_old);
  g_assert_cmpstr (d->birth_date, ==, "1962-01-01");
  g_assert_cmpint (d->sex, ==, DESK_SEX_FEMALE);

  got = desk_person_get (store, d->id, NULL);
  g_assert_true (got->id_old);
  g_assert_cmpstr (got->birth_date, ==, "1962-01-01");
  g_assert_cmpint (got->sex, ==, DESK_SEX_FEMALE);
  g_clear_pointer (&got, desk_person_free);
  got = desk_person_get (store, c->id, NULL);
  g_assert_cmpstr (got->id_number, ==, "11010119800101103X");
}

static void
test_id_disagrees (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autoptr(DeskPerson) a = make_person ("张三", "360426199101010071", NULL);
  g_autoptr(DeskPerson) b = make_person ("张三", "360426199101010071", NULL);
  g_autoptr(DeskPerson) c = make_person ("张三", "360426199101010072", NULL);
  g_autoptr(DeskPerson) ok = make_person ("张三", "360426199101010071", NULL);
  g_autoptr(GError) error = NULL;

  a->sex = DESK_SEX_FEMALE;
  g_assert_cmpint (desk_person_create (store, a, &error), ==, 0);
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "性别：与身份证号不符（号码中为男）");
  g_clear_error (&error);

  b->birth_date = g_strdup ("1991-01-02");
  g_assert_cmpint (desk_person_create (store, b, &error), ==, 0);
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "出生日期：与身份证号不符（号码中为1991-01-01）");
  g_clear_error (&error);

  g_assert_cmpint (desk_person_create (store, c, &error), ==, 0);
  g_assert_cmpstr (error->message, ==, "证件号码：校验位应为1，而不是2");
  g_clear_error (&error);
  g_assert_cmpint (count_people (store), ==, 0);
  g_assert_false (desk_store_in_transaction (store));

  /* Agreeing typed values are fine. */
  ok->sex = DESK_SEX_MALE;
  ok->birth_date = g_strdup ("1991/1/1");
  create_ok (store, ok);
  g_assert_cmpstr (ok->birth_date, ==, "1991-01-01");
}

static void
test_other_id_types (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autoptr(DeskPerson) passport = make_person ("John Smith", " e 1234 5678 ", NULL);
  g_autoptr(DeskPerson) other = make_person ("某甲", "军官证 12345", NULL);
  g_autoptr(DeskPerson) dup = make_person ("约翰", "E12345678", NULL);
  g_autoptr(DeskPerson) same_number_card = make_person ("某乙", "360426199101010071", NULL);
  g_autoptr(DeskPerson) bad_type = make_person ("某丙", NULL, NULL);
  g_autoptr(DeskPerson) future = make_person ("某丁", NULL, NULL);
  g_autoptr(GError) error = NULL;

  passport->id_type = g_strdup ("护照");
  passport->is_foreigner = TRUE;
  passport->birth_date = g_strdup ("1980-02-03");
  passport->sex = DESK_SEX_MALE;
  create_ok (store, passport);
  g_assert_cmpstr (passport->id_number, ==, "E12345678");
  g_assert_cmpstr (passport->birth_date, ==, "1980-02-03");
  g_assert_null (passport->ethnicity);  /* a foreigner's empty 民族 stays empty */

  other->id_type = g_strdup ("其他");
  create_ok (store, other);
  g_assert_cmpstr (other->id_number, ==, "军官证 12345");

  /* The same passport number is the same person. */
  dup->id_type = g_strdup ("护照");
  g_assert_cmpint (desk_person_create (store, dup, &error), ==, 0);
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE);
  assert_message (error, "证件号码E12345678已登记为John Smith（男，1980-02-03）");
  g_clear_error (&error);

  /* Numbers are matched within their type. */
  same_number_card->id_type = g_strdup ("其他");
  g_free (same_number_card->id_number);
  same_number_card->id_number = g_strdup ("E12345678");
  create_ok (store, same_number_card);

  bad_type->id_type = g_strdup ("驾驶证");
  g_assert_cmpint (desk_person_create (store, bad_type, &error), ==, 0);
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "证件类型：“驾驶证”不是可选项，可选：居民身份证、护照、其他");
  g_clear_error (&error);
  g_free (bad_type->id_type);
  bad_type->id_type = g_strdup ("统一社会信用代码");
  g_assert_cmpint (desk_person_create (store, bad_type, &error), ==, 0);
  assert_message (error, "证件类型：");
  g_clear_error (&error);

  future->birth_date = g_strdup ("2026-11-24");
  g_assert_cmpint (desk_person_create (store, future, &error), ==, 0);
  g_assert_cmpstr (error->message, ==, "出生日期：2026-11-24晚于今天（2026-11-23）");
  g_clear_error (&error);
  g_free (future->birth_date);
  future->birth_date = g_strdup ("1990-02-30");
  g_assert_cmpint (desk_person_create (store, future, &error), ==, 0);
  assert_message (error, "出生日期：“1990-02-30”不是有效日期");
}

static void
test_validate_fields (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskPerson) p = make_person ("   ", NULL, NULL);

  g_assert_false (desk_person_validate (store, p, &error));
  g_assert_cmpstr (error->message, ==, "姓名：不能为空");
  g_clear_error (&error);

  g_free (p->name);
  p->name = g_strdup ("张三");
  p->phone = g_strdup ("1380013800");
  g_assert_false (desk_person_validate (store, p, &error));
  g_assert_cmpstr (error->message, ==, "电话：共10位，手机号码应为11位");
  g_clear_error (&error);

  g_free (p->phone);
  p->phone = g_strdup ("0797 8888123");
  p->ethnicity = g_strdup ("汉");
  g_assert_false (desk_person_validate (store, p, &error));
  g_assert_cmpstr (error->message, ==, "民族：请填写全称“汉族”");
  g_clear_error (&error);

  g_free (p->ethnicity);
  p->ethnicity = g_strdup (" 壮族 ");
  g_assert_true (desk_person_validate (store, p, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (p->ethnicity, ==, "壮族");
  g_assert_cmpstr (p->phone, ==, "0797-8888123");

  g_free (p->ethnicity);
  p->ethnicity = g_strdup ("  ");
  g_assert_true (desk_person_validate (store, p, &error));
  g_assert_null (p->ethnicity);
}

/* Duplicates */

static void
test_duplicate_by_id (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autoptr(DeskPerson) a = make_person ("张三", "360426199101010071", "13800138000");
  g_autoptr(DeskPerson) b = make_person ("张叁", "360426 19910101 0071", NULL);
  g_autoptr(DeskPerson) c = make_person ("张三", "11010119800101103X", NULL);
  g_autoptr(DeskPerson) d = make_person ("王五", "11010119800101103x", NULL);
  g_autoptr(DeskPerson) old = make_person ("赵六", "360426910101007", NULL);
  g_autoptr(DeskPerson) e = NULL;
  g_autoptr(GError) error = NULL;

  create_ok (store, a);
  g_assert_cmpint (desk_person_create (store, b, &error), ==, 0);
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==,
                   "证件号码360426199101010071已登记为张三（男，1991-01-01，13800138000）");
  g_assert_cmpint (desk_person_find_existing (store, b), ==, a->id);
  g_clear_error (&error);

  /* Lower-case x is the same number. */
  create_ok (store, c);
  g_assert_cmpint (desk_person_create (store, d, &error), ==, 0);
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* A 15-digit old number and its 18-digit form are one person:
   * 360426910101007 → 360426199101010071. */
  g_assert_cmpint (desk_person_create (store, old, &error), ==, 0);
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE);
  assert_message (error, "已登记为张三");
  g_clear_error (&error);

  g_assert_cmpint (count_people (store), ==, 2);

  /* And the other way round. */
  e = make_person ("赵六", "360426620101002", NULL);
  create_ok (store, e);
  {
    g_autoptr(DeskPerson) f = make_person ("赵六", "360426196201010024", NULL);

    g_assert_cmpint (desk_person_find_existing (store, f), ==, e->id);
  }
}

static void
test_duplicate_by_phone (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autoptr(DeskPerson) a = make_person ("张三", NULL, "13800138000");
  g_autoptr(DeskPerson) b = make_person ("张三", NULL, "138-0013-8000");
  g_autoptr(DeskPerson) wife = make_person ("李梅", NULL, "13800138000");
  g_autoptr(DeskPerson) son = make_person ("张小三", "360426199101010071", "13800138000");
  g_autoptr(DeskPerson) namesake = make_person ("张三", "120103198806018241", "13900000000");
  g_autoptr(DeskPerson) with_id = make_person ("张三", "11010119800101103X", "13900000000");
  g_autoptr(DeskPerson) has_id_phone = make_person ("张三", "360426196201010024", "13800138000");
  g_autoptr(GError) error = NULL;

  create_ok (store, a);
  g_assert_cmpint (desk_person_create (store, b, &error), ==, 0);
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==, "电话13800138000已登记为张三（13800138000）");
  g_clear_error (&error);

  /* Family members share phones: a phone alone is no duplicate. */
  create_ok (store, wife);
  create_ok (store, son);

  /* Same phone and name but two different ID numbers: two people. */
  create_ok (store, namesake);
  create_ok (store, with_id);
  g_assert_cmpint (count_people (store), ==, 5);

  /* A registered entry without an ID number is the same person as one
   * with the same phone and name that brings an ID number. */
  g_assert_cmpint (desk_person_find_existing (store, has_id_phone), ==, a->id);
  g_assert_cmpint (desk_person_create (store, has_id_phone, &error), ==, 0);
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE);
}

static void
test_update_duplicate (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autoptr(DeskPerson) a = make_person ("张三", "360426199101010071", NULL);
  g_autoptr(DeskPerson) b = make_person ("李四", NULL, "13800138000");
  g_autoptr(DeskPerson) c = make_person ("王五", NULL, "13800138000");
  g_autoptr(DeskPerson) got = NULL;
  g_autoptr(GError) error = NULL;

  create_ok (store, a);
  create_ok (store, b);
  create_ok (store, c);

  /* Giving 李四 张三's ID number. */
  g_free (b->id_number);
  b->id_number = g_strdup ("360426199101010071");
  g_assert_false (desk_person_update (store, b, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE);
  assert_message (error, "已登记为张三");
  g_clear_error (&error);

  /* Renaming 王五 to 李四 with the same phone. */
  g_free (c->name);
  c->name = g_strdup ("李四");
  g_assert_false (desk_person_update (store, c, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* Saving an entry unchanged is no duplicate of itself. */
  got = desk_person_get (store, a->id, NULL);
  g_assert_true (desk_person_update (store, got, &error));
  g_assert_no_error (error);

  g_clear_pointer (&got, desk_person_free);
  got = desk_person_get (store, c->id, NULL);
  g_assert_cmpstr (got->name, ==, "王五");
  g_assert_false (desk_store_in_transaction (store));
}

static void
test_deleted_not_duplicate (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autoptr(DeskPerson) a = make_person ("张三", "360426199101010071", "13800138000");
  g_autoptr(DeskPerson) b = make_person ("张三", "360426199101010071", "13800138000");
  g_autoptr(GPtrArray) found = NULL;
  DeskPersonQuery q = { "张三", 0 };

  create_ok (store, a);
  g_assert_true (desk_person_delete (store, a->id, NULL));
  g_assert_cmpint (desk_person_find_existing (store, b), ==, 0);
  found = desk_person_search (store, &q, NULL);
  g_assert_cmpuint (found->len, ==, 0);

  create_ok (store, b);
  g_assert_cmpint (b->id, !=, a->id);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = desk_person_search (store, &q, NULL);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (((DeskPerson *) found->pdata[0])->id, ==, b->id);
}

/* ensure */

static void
test_ensure (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autoptr(DeskPerson) first = make_person ("张三", NULL, "13800138000");
  g_autoptr(DeskPerson) again = make_person ("张三", NULL, "13800138000");
  g_autoptr(DeskPerson) later = make_person ("张三", "360426199101010071", "13800138000");
  g_autoptr(DeskPerson) latest = make_person ("张三", "360426199101010071", "13900000000");
  g_autoptr(DeskPerson) typo = make_person ("张三", NULL, "13900000000");
  g_autoptr(DeskPerson) got = NULL;
  g_autoptr(GError) error = NULL;
  gint64 village = add_village (store, "青山村");
  gint64 id;

  first->address = g_strdup ("青山村1组");
  first->is_disabled = TRUE;
  id = desk_person_ensure (store, first, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (count_people (store), ==, 1);

  /* Found, not created; without update nothing changes. */
  again->address = g_strdup ("白水村");
  g_assert_cmpint (desk_person_ensure (store, again, FALSE, &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpint (again->id, ==, id);
  got = desk_person_get (store, id, NULL);
  g_assert_cmpstr (got->address, ==, "青山村1组");
  g_clear_pointer (&got, desk_person_free);

  /* With update: empty fields filled, later non-empty values win, flags
   * once set stay set, empty values never clear. */
  later->village_id = village;
  later->ethnicity = g_strdup ("苗族");
  later->address = g_strdup ("青山村2组");
  later->is_farmer = TRUE;
  g_assert_cmpint (desk_person_ensure (store, later, TRUE, &error), ==, id);
  g_assert_no_error (error);
  got = desk_person_get (store, id, NULL);
  g_assert_cmpstr (got->id_number, ==, "360426199101010071");
  g_assert_cmpstr (got->birth_date, ==, "1991-01-01");
  g_assert_cmpint (got->sex, ==, DESK_SEX_MALE);
  g_assert_cmpstr (got->ethnicity, ==, "苗族");
  g_assert_cmpstr (got->address, ==, "青山村2组");
  g_assert_cmpint (got->village_id, ==, village);
  g_assert_true (got->is_disabled);
  g_assert_true (got->is_farmer);
  g_assert_cmpstr (got->phone, ==, "13800138000");
  g_clear_pointer (&got, desk_person_free);

  /* Matched by ID number now; a new phone replaces the old one. */
  g_assert_cmpint (desk_person_ensure (store, latest, TRUE, &error), ==, id);
  g_assert_no_error (error);
  got = desk_person_get (store, id, NULL);
  g_assert_cmpstr (got->phone, ==, "13900000000");
  g_assert_cmpstr (got->address, ==, "青山村2组");
  g_assert_cmpstr (got->ethnicity, ==, "苗族");
  g_assert_cmpint (got->village_id, ==, village);
  g_clear_pointer (&got, desk_person_free);

  /* A row without the number that types another birth date and sex: the
   * registered ID number keeps deciding them. */
  typo->birth_date = g_strdup ("1991-05-05");
  typo->sex = DESK_SEX_FEMALE;
  typo->notes = g_strdup ("第二次来访");
  g_assert_cmpint (desk_person_ensure (store, typo, TRUE, &error), ==, id);
  g_assert_no_error (error);
  got = desk_person_get (store, id, NULL);
  g_assert_cmpstr (got->birth_date, ==, "1991-01-01");
  g_assert_cmpint (got->sex, ==, DESK_SEX_MALE);
  g_assert_cmpstr (got->notes, ==, "第二次来访");
  g_clear_pointer (&got, desk_person_free);

  g_assert_cmpint (count_people (store), ==, 1);
  g_assert_false (desk_store_in_transaction (store));
}

/* A ledger names someone first by phone, then by ID number alone, then by
 * both: the two entries the first rows made are one person, and the third
 * row joins them instead of failing. */
static void
test_ensure_joins_twins (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autoptr(DeskPerson) by_phone = make_person ("肖志明", NULL, "19672614924");
  g_autoptr(DeskPerson) by_id = make_person ("肖志明", "360426199101010071", NULL);
  g_autoptr(DeskPerson) both = make_person ("肖志明", "360426199101010071", "19672614924");
  g_autoptr(DeskPerson) got = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 a, b;

  by_phone->address = g_strdup ("青山村3组");
  a = desk_person_ensure (store, by_phone, TRUE, &error);
  g_assert_no_error (error);
  b = desk_person_ensure (store, by_id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (a, !=, b);
  sql = g_strdup_printf ("INSERT INTO staff (name, created_at, updated_at) VALUES ('王芳', 'x', 'x');"
                         "INSERT INTO consultations (number, year, seq, at, staff_id, channel_id,"
                         " person_id, category_id, content, result_id, created_at, updated_at)"
                         " VALUES ('ZX2026-0001', 2026, 1, '2026-03-01 09:00', 1,"
                         " (SELECT id FROM codes WHERE kind = 'channel' LIMIT 1), %" G_GINT64_FORMAT ","
                         " (SELECT id FROM codes WHERE kind = 'consult_category' LIMIT 1), '问',"
                         " (SELECT id FROM codes WHERE kind = 'consult_result' LIMIT 1), 'x', 'x')",
                         a);
  desk_test_exec (store, sql);

  g_assert_cmpint (desk_person_ensure (store, both, TRUE, &error), ==, b);
  g_assert_no_error (error);
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM people"
                                               " WHERE deleted_at IS NULL"), ==, 1);
  got = desk_person_get (store, b, NULL);
  g_assert_cmpstr (got->phone, ==, "19672614924");
  g_assert_cmpstr (got->address, ==, "青山村3组");
  g_assert_cmpint (desk_test_query_int (store, "SELECT person_id FROM consultations"), ==, b);
  g_assert_null (desk_person_get (store, a, NULL));
}

static void
test_ensure_errors (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autoptr(DeskPerson) bad = make_person ("张三", "360426199101010072", NULL);
  g_autoptr(DeskPerson) a = make_person ("张三", NULL, "13800138000");
  g_autoptr(DeskPerson) b = make_person ("李四", NULL, "13900000000");
  g_autoptr(DeskPerson) clash = make_person ("李四", NULL, "13900000000");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (desk_person_ensure (store, bad, TRUE, &error), ==, 0);
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_people (store), ==, 0);

  create_ok (store, a);
  create_ok (store, b);
  /* 李四 is found by phone and name, but the row names a village that
   * does not exist: refused, nothing written. */
  clash->village_id = 12345;
  g_assert_cmpint (desk_person_ensure (store, clash, TRUE, &error), ==, 0);
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_INVALID);
  assert_message (error, "所在村(居)：");
  g_assert_false (desk_store_in_transaction (store));

  /* Inside a caller's transaction, a failure leaves the caller's
   * transaction open and its earlier writes intact. */
  g_clear_error (&error);
  g_assert_true (desk_store_begin (store, NULL));
  {
    g_autoptr(DeskPerson) c = make_person ("王五", NULL, NULL);
    g_autoptr(DeskPerson) d = make_person ("赵六", "1", NULL);

    g_assert_cmpint (desk_person_ensure (store, c, TRUE, NULL), >, 0);
    g_assert_cmpint (desk_person_ensure (store, d, TRUE, &error), ==, 0);
    g_assert_nonnull (error);
    g_assert_true (desk_store_in_transaction (store));
  }
  g_assert_true (desk_store_commit (store, NULL));
  g_assert_cmpint (count_people (store), ==, 3);
}

/* Search */

static gint64
search_first (DeskStore  *store,
              const char *text,
              guint      *len)
{
  DeskPersonQuery q = { text, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = desk_person_search (store, &q, &error);

  g_assert_no_error (error);
  *len = found->len;
  return found->len ? ((DeskPerson *) found->pdata[0])->id : 0;
}

static void
test_search (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autoptr(DeskPerson) zhangsan = make_person ("张三", "360426199101010071", "13800138000");
  g_autoptr(DeskPerson) zsf = make_person ("张三丰", NULL, "13912345678");
  g_autoptr(DeskPerson) lzs = make_person ("丁张三", NULL, NULL);
  g_autoptr(DeskPerson) branch = make_person ("青山建材有限公司第一分公司", NULL, "13700000001");
  g_autoptr(DeskPerson) caller = make_person ("13700000001号来电", NULL, NULL);
  g_autoptr(DeskPerson) wang = make_person ("王五", "120103198806018241", "0571-87654321");
  g_autoptr(DeskPerson) pct = make_person ("百分之100%公司", NULL, NULL);
  g_autoptr(DeskPerson) under = make_person ("A_B", NULL, NULL);
  g_autoptr(DeskPerson) ab = make_person ("AxB", NULL, NULL);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  DeskPersonQuery q = { "张三", 0 };
  guint len;

  create_ok (store, lzs);
  create_ok (store, zsf);
  create_ok (store, zhangsan);
  create_ok (store, wang);
  create_ok (store, pct);
  create_ok (store, under);
  create_ok (store, ab);
  branch->kind = DESK_PERSON_ORGANISATION;
  create_ok (store, branch);
  create_ok (store, caller);

  /* Name: prefix (shorter first), then contains. */
  found = desk_person_search (store, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_cmpstr (((DeskPerson *) found->pdata[0])->name, ==, "张三");
  g_assert_cmpstr (((DeskPerson *) found->pdata[1])->name, ==, "张三丰");
  g_assert_cmpstr (((DeskPerson *) found->pdata[2])->name, ==, "丁张三");
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Limit */
  q.limit = 2;
  found = desk_person_search (store, &q, &error);
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Exact ID number and phone first, whatever their names. */
  g_assert_cmpint (search_first (store, "360426199101010071", &len), ==, zhangsan->id);
  g_assert_cmpuint (len, ==, 1);
  g_assert_cmpint (search_first (store, "13912345678", &len), ==, zsf->id);
  g_assert_cmpint (search_first (store, "+86 139 1234 5678", &len), ==, zsf->id);
  g_assert_cmpint (search_first (store, "0571-87654321", &len), ==, wang->id);
  g_assert_cmpint (search_first (store, "057187654321", &len), ==, wang->id);
  /* An exact phone outranks a name that starts with the same digits. */
  q.text = "13700000001";
  q.limit = 0;
  found = desk_person_search (store, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpint (((DeskPerson *) found->pdata[0])->id, ==, branch->id);
  g_assert_cmpint (((DeskPerson *) found->pdata[1])->id, ==, caller->id);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Fragments of ID and phone numbers. */
  g_assert_cmpint (search_first (store, "19880601", &len), ==, wang->id);
  g_assert_cmpuint (len, ==, 1);
  g_assert_cmpint (search_first (store, "0013", &len), ==, zhangsan->id);
  g_assert_cmpuint (len, ==, 1);
  g_assert_cmpint (search_first (store, "8765", &len), ==, wang->id);
  g_assert_cmpint (search_first (store, "1", &len), >, 0);
  g_assert_cmpuint (len, ==, 6);  /* four numbers, 百分之100%公司, 13700000001号来电 */
  g_assert_cmpint (search_first (store, "0071", &len), ==, zhangsan->id);

  /* % and _ are themselves, not wildcards. */
  g_assert_cmpint (search_first (store, "%", &len), ==, pct->id);
  g_assert_cmpuint (len, ==, 1);
  g_assert_cmpint (search_first (store, "_", &len), ==, under->id);
  g_assert_cmpuint (len, ==, 1);
  g_assert_cmpint (search_first (store, "a_b", &len), ==, under->id);
  g_assert_cmpuint (len, ==, 1);
  search_first (store, "'; DROP TABLE people; --", &len);
  g_assert_cmpuint (len, ==, 0);
  g_assert_cmpint (count_people (store), ==, 9);

  /* No text: everyone. */
  q.text = NULL;
  q.limit = 0;
  found = desk_person_search (store, &q, &error);
  g_assert_cmpuint (found->len, ==, 9);
  g_clear_pointer (&found, g_ptr_array_unref);
  q.text = "   ";
  found = desk_person_search (store, &q, &error);
  g_assert_cmpuint (found->len, ==, 9);
  g_clear_pointer (&found, g_ptr_array_unref);

  search_first (store, "不存在", &len);
  g_assert_cmpuint (len, ==, 0);
}

/* Organisations */

static void
test_organisation (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autoptr(DeskPerson) org = make_person ("青山建材有限公司", " 91350100m000100y43 ", "0797-8888123");
  g_autoptr(DeskPerson) dup = make_person ("青山建材公司", "91350100M000100Y43", NULL);
  g_autoptr(DeskPerson) bad = make_person ("白水合作社", "91350100M000100Y42", NULL);
  g_autoptr(DeskPerson) card = make_person ("白水合作社", NULL, NULL);
  g_autoptr(DeskPerson) other = make_person ("白水村老年协会", "内部编号7", NULL);
  g_autoptr(DeskPerson) got = NULL;
  g_autoptr(GError) error = NULL;

  org->kind = DESK_PERSON_ORGANISATION;
  org->legal_rep = g_strdup ("陈明");
  create_ok (store, org);
  g_assert_cmpstr (org->id_type, ==, "统一社会信用代码");
  g_assert_cmpstr (org->id_number, ==, "91350100M000100Y43");

  got = desk_person_get (store, org->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->kind, ==, DESK_PERSON_ORGANISATION);
  g_assert_cmpstr (got->legal_rep, ==, "陈明");
  g_assert_cmpstr (got->id_number, ==, "91350100M000100Y43");
  g_assert_cmpstr (got->phone, ==, "0797-8888123");

  dup->kind = DESK_PERSON_ORGANISATION;
  g_assert_cmpint (desk_person_create (store, dup, &error), ==, 0);
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==,
                   "证件号码91350100M000100Y43已登记为青山建材有限公司（陈明，0797-8888123）");
  g_clear_error (&error);

  bad->kind = DESK_PERSON_ORGANISATION;
  g_assert_cmpint (desk_person_create (store, bad, &error), ==, 0);
  g_assert_cmpstr (error->message, ==, "统一社会信用代码：校验位应为3，而不是2");
  g_clear_error (&error);

  card->kind = DESK_PERSON_ORGANISATION;
  card->id_type = g_strdup ("居民身份证");
  g_assert_cmpint (desk_person_create (store, card, &error), ==, 0);
  g_assert_cmpstr (error->message, ==, "证件类型：“居民身份证”不是可选项，可选：统一社会信用代码、其他");
  g_clear_error (&error);

  /* An organisation without a code, and one with another kind of number. */
  g_free (card->id_type);
  card->id_type = NULL;
  create_ok (store, card);
  other->kind = DESK_PERSON_ORGANISATION;
  other->id_type = g_strdup ("其他");
  create_ok (store, other);

  {
    g_autoptr(DeskPerson) empty = make_person ("", NULL, NULL);

    empty->kind = DESK_PERSON_ORGANISATION;
    g_assert_cmpint (desk_person_create (store, empty, &error), ==, 0);
    g_assert_cmpstr (error->message, ==, "名称：不能为空");
  }
}

/* Runs @sql with @id bound to ?1. */
static void
exec_with_id (DeskStore  *store,
              const char *sql,
              gint64      id)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (desk_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/* Villages */

static void
test_village (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autoptr(DeskPerson) p = make_person ("张三", NULL, NULL);
  g_autoptr(GError) error = NULL;
  gint64 qingshan = add_village (store, "青山村");
  gint64 gone = add_village (store, "旧村");

  exec_with_id (store, "UPDATE villages SET deleted_at = 't' WHERE id = ?1", gone);

  p->village_id = 999;
  g_assert_cmpint (desk_person_create (store, p, &error), ==, 0);
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "所在村(居)：该村(社区)不存在或已被删除");
  g_clear_error (&error);

  p->village_id = gone;
  g_assert_cmpint (desk_person_create (store, p, &error), ==, 0);
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_people (store), ==, 0);

  p->village_id = qingshan;
  create_ok (store, p);
  g_assert_cmpint (desk_test_query_int (store, "SELECT village_id FROM people"), ==, qingshan);
}

/* Delete while in use */

static void
test_delete_in_use (void)
{
  g_autoptr(DeskStore) store = new_store ();
  g_autoptr(DeskPerson) a = make_person ("张三", NULL, NULL);
  g_autoptr(DeskPerson) b = make_person ("李四", NULL, NULL);
  g_autoptr(DeskPerson) c = make_person ("王五", NULL, NULL);
  g_autoptr(GError) error = NULL;

  create_ok (store, a);
  create_ok (store, b);
  create_ok (store, c);
  desk_test_exec (store,
                  "INSERT INTO staff (name, created_at, updated_at) VALUES ('刘芳', 't', 't');"
                  "INSERT INTO committees (name, short_name, type_id, created_at, updated_at)"
                  " VALUES ('青山镇人民调解委员会', '青山',"
                  " (SELECT id FROM codes WHERE kind = 'committee_type' LIMIT 1), 't', 't');");

  /* A consultation names 张三. */
  exec_with_id (store,
               "INSERT INTO consultations (number, year, seq, at, staff_id, channel_id,"
               " person_id, category_id, result_id, created_at, updated_at)"
               " VALUES ('ZX2026-0001', 2026, 1, '2026-03-05 09:00', 1,"
               " (SELECT id FROM codes WHERE kind = 'channel' LIMIT 1), ?1,"
               " (SELECT id FROM codes WHERE kind = 'consult_category' LIMIT 1),"
               " (SELECT id FROM codes WHERE kind = 'consult_result' LIMIT 1), 't', 't')",
               a->id);
  g_assert_false (desk_person_delete (store, a->id, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_IN_USE);
  g_assert_cmpstr (error->message, ==,
                   "张三仍被未删除的记录引用（咨询登记1条，调解案件0件，法律援助申请0件），不能删除");
  g_clear_error (&error);
  desk_test_exec (store, "UPDATE consultations SET deleted_at = 't'");
  g_assert_true (desk_person_delete (store, a->id, &error));
  g_assert_no_error (error);

  /* A mediation case names 李四 as a party (twice, in two roles). */
  desk_test_exec (store,
                  "INSERT INTO mediation_cases (number, year, seq, committee_id, accepted_on,"
                  " source_id, dispute_type_id, created_at, updated_at)"
                  " VALUES ('（2026）青山人调字第1号', 2026, 1, 1, '2026-03-05',"
                  " (SELECT id FROM codes WHERE kind = 'case_source' LIMIT 1),"
                  " (SELECT id FROM codes WHERE kind = 'dispute_type' LIMIT 1), 't', 't')");
  exec_with_id (store, "INSERT INTO case_parties (case_id, person_id, role)"
               " VALUES (1, ?1, '申请人')", b->id);
  exec_with_id (store, "INSERT INTO case_parties (case_id, person_id, role)"
               " VALUES (1, ?1, '第三人')", b->id);
  g_assert_false (desk_person_delete (store, b->id, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_IN_USE);
  assert_message (error, "调解案件1件");
  g_clear_error (&error);
  desk_test_exec (store, "UPDATE mediation_cases SET deleted_at = 't'");
  g_assert_true (desk_person_delete (store, b->id, &error));
  g_assert_no_error (error);

  /* A legal-aid application names 王五. */
  exec_with_id (store,
               "INSERT INTO legal_aid (number, year, seq, received_at, receiver_id, person_id,"
               " matter_type_id, matter_id, created_at, updated_at)"
               " VALUES ('FY2026-0001', 2026, 1, '2026-03-05 09:00', 1, ?1,"
               " (SELECT id FROM codes WHERE kind = 'aid_matter_type' LIMIT 1),"
               " (SELECT id FROM codes WHERE kind = 'aid_matter' LIMIT 1), 't', 't')",
               c->id);
  g_assert_false (desk_person_delete (store, c->id, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_IN_USE);
  assert_message (error, "法律援助申请1件");
  g_clear_error (&error);
  g_assert_cmpint (desk_test_query_int (store,
                                        "SELECT count(*) FROM people WHERE deleted_at IS NULL"),
                   ==, 1);
  desk_test_exec (store, "UPDATE legal_aid SET deleted_at = 't'");
  g_assert_true (desk_person_delete (store, c->id, &error));
  g_assert_false (desk_store_in_transaction (store));
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("LEGALDESK_LOCALEDIR");

  desk_test_init (&argc, &argv);
  g_setenv ("LEGALDESK_TODAY", TODAY, TRUE);
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/person/crud", test_crud);
  g_test_add_func ("/person/copy", test_copy);
  g_test_add_func ("/person/id-fills", test_id_fills);
  g_test_add_func ("/person/id-disagrees", test_id_disagrees);
  g_test_add_func ("/person/other-id-types", test_other_id_types);
  g_test_add_func ("/person/validate-fields", test_validate_fields);
  g_test_add_func ("/person/duplicate/id", test_duplicate_by_id);
  g_test_add_func ("/person/duplicate/phone", test_duplicate_by_phone);
  g_test_add_func ("/person/duplicate/update", test_update_duplicate);
  g_test_add_func ("/person/duplicate/deleted", test_deleted_not_duplicate);
  g_test_add_func ("/person/ensure", test_ensure);
  g_test_add_func ("/person/ensure-joins-twins", test_ensure_joins_twins);
  g_test_add_func ("/person/ensure-errors", test_ensure_errors);
  g_test_add_func ("/person/search", test_search);
  g_test_add_func ("/person/organisation", test_organisation);
  g_test_add_func ("/person/village", test_village);
  g_test_add_func ("/person/delete-in-use", test_delete_in_use);

  return g_test_run ();
}
