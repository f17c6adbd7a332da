/* test-screening.c — dispute screening records: checks with the field
 * named, future dates, the period list, deletion, and the committee and
 * village they hold in use. */
#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>

#include "desk-codes.h"
#include "desk-register.h"
#include "desk-screening.h"
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
  gint64     committee;
  gint64     other_committee;
  gint64     village;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static int n;
  g_autofree char *name = g_strdup_printf ("screening-%d.db", ++n);
  g_autoptr(DeskVillage) village = desk_village_new ();
  g_autoptr(DeskCommittee) committee = desk_committee_new ();
  g_autoptr(DeskCommittee) other = desk_committee_new ();
  g_autoptr(GError) error = NULL;

  g_setenv ("LEGALDESK_TODAY", "2026-11-23", TRUE);
  f->store = desk_test_open_store (name);

  village->name = g_strdup ("青山村");
  village->kind = g_strdup ("村");
  f->village = desk_village_create (f->store, village, &error);
  g_assert_no_error (error);

  committee->name = g_strdup ("青山村人民调解委员会");
  committee->short_name = g_strdup ("青山村");
  committee->type_id = desk_codes_find (f->store, DESK_CODE_COMMITTEE_TYPE, "村调委会");
  committee->village_id = f->village;
  f->committee = desk_committee_create (f->store, committee, &error);
  g_assert_no_error (error);

  other->name = g_strdup ("青山镇人民调解委员会");
  other->short_name = g_strdup ("青山");
  other->type_id = desk_codes_find (f->store, DESK_CODE_COMMITTEE_TYPE, "乡镇调委会");
  f->other_committee = desk_committee_create (f->store, other, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
}

static DeskScreening *
sample (Fixture    *f,
        const char *date)
{
  DeskScreening *s = desk_screening_new ();

  s->date = g_strdup (date);
  s->committee_id = f->committee;
  s->village_id = f->village;
  s->screener = g_strdup ("刘明、陈红");
  s->found = 3;
  s->prevented = 2;
  s->notes = g_strdup ("宅基地界址争议两起，已调处");
  return s;
}

static gint64
add (Fixture    *f,
     const char *date,
     gint64      committee)
{
  g_autoptr(DeskScreening) s = sample (f, date);
  g_autoptr(GError) error = NULL;
  gint64 id;

  s->committee_id = committee;
  id = desk_screening_create (f->store, s, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_create_get_update_delete (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(DeskScreening) s = sample (f, "2026/11/5");
  g_autoptr(DeskScreening) got = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  s->screener = (g_free (s->screener), g_strdup ("  刘明 "));
  id = desk_screening_create (f->store, s, &error);
  g_assert_no_error (error);
  g_assert_cmpint (s->id, ==, id);

  got = desk_screening_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->date, ==, "2026-11-05");
  g_assert_cmpint (got->committee_id, ==, f->committee);
  g_assert_cmpint (got->village_id, ==, f->village);
  g_assert_cmpstr (got->screener, ==, "刘明");
  g_assert_cmpint (got->found, ==, 3);
  g_assert_cmpint (got->prevented, ==, 2);
  g_assert_cmpstr (got->notes, ==, "宅基地界址争议两起，已调处");

  /* Village, screener and notes are optional; zero counts are counts. */
  got->village_id = 0;
  g_free (got->screener);
  got->screener = NULL;
  g_free (got->notes);
  got->notes = g_strdup ("");
  got->found = 0;
  got->prevented = 0;
  got->committee_id = f->other_committee;
  g_assert_true (desk_screening_update (f->store, got, &error));
  g_assert_no_error (error);
  g_clear_pointer (&got, desk_screening_free);
  got = desk_screening_get (f->store, id, &error);
  g_assert_cmpint (got->village_id, ==, 0);
  g_assert_null (got->screener);
  g_assert_null (got->notes);
  g_assert_cmpint (got->found, ==, 0);
  g_assert_cmpint (got->prevented, ==, 0);
  g_assert_cmpint (got->committee_id, ==, f->other_committee);

  /* A failed update changes nothing. */
  got->found = -1;
  got->prevented = 9;
  g_assert_false (desk_screening_update (f->store, got, &error));
  assert_field_error (error, "排查发现纠纷");
  g_clear_pointer (&got, desk_screening_free);
  got = desk_screening_get (f->store, id, &error);
  g_assert_cmpint (got->prevented, ==, 0);

  g_assert_true (desk_screening_delete (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_null (desk_screening_get (f->store, id, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (desk_screening_delete (f->store, id, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (desk_screening_update (f->store, got, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  /* Soft: the row is kept, counted nowhere. */
  g_assert_cmpint (desk_test_query_int (f->store, "SELECT count(*) FROM screenings"
                                        " WHERE deleted_at IS NOT NULL"), ==, 1);
}

typedef enum
{
  BAD_DATE,
  BAD_COMMITTEE,
  BAD_VILLAGE,
  BAD_FOUND,
  BAD_PREVENTED,
} BadField;

static void
test_rejections (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 gone_committee, gone_village;
  struct
  {
    BadField    what;
    const char *text;
    gint64      value;
    const char *field;
  } cases[] = {
    { BAD_DATE, NULL, 0, "日期" },
    { BAD_DATE, "", 0, "日期" },
    { BAD_DATE, "2026-04-31", 0, "日期" },
    { BAD_DATE, "上周三", 0, "日期" },
    { BAD_DATE, "2026-11-24", 0, "日期" },      /* tomorrow */
    { BAD_COMMITTEE, NULL, 0, "调委会" },
    { BAD_COMMITTEE, NULL, 9999, "调委会" },
    { BAD_COMMITTEE, NULL, -1, "调委会" },       /* a deleted one */
    { BAD_VILLAGE, NULL, 9999, "村(居)" },
    { BAD_VILLAGE, NULL, -1, "村(居)" },         /* a deleted one */
    { BAD_FOUND, NULL, -1, "排查发现纠纷" },
    { BAD_PREVENTED, NULL, -3, "预防纠纷" },
  };

  {
    g_autoptr(DeskCommittee) c = desk_committee_new ();
    g_autoptr(DeskVillage) v = desk_village_new ();

    c->name = g_strdup ("撤销的调委会");
    c->short_name = g_strdup ("撤销");
    c->type_id = desk_codes_find (f->store, DESK_CODE_COMMITTEE_TYPE, "乡镇调委会");
    gone_committee = desk_committee_create (f->store, c, &error);
    g_assert_true (desk_committee_delete (f->store, gone_committee, &error));
    v->name = g_strdup ("撤并村");
    v->kind = g_strdup ("村");
    gone_village = desk_village_create (f->store, v, &error);
    g_assert_true (desk_village_delete (f->store, gone_village, &error));
    g_assert_no_error (error);
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DeskScreening) s = sample (f, "2026-11-01");
      gint64 v = cases[i].value;

      switch (cases[i].what)
        {
        case BAD_DATE:
          g_free (s->date);
          s->date = g_strdup (cases[i].text);
          break;
        case BAD_COMMITTEE:
          s->committee_id = v == -1 ? gone_committee : v;
          break;
        case BAD_VILLAGE:
          s->village_id = v == -1 ? gone_village : v;
          break;
        case BAD_FOUND:
          s->found = (int) v;
          break;
        case BAD_PREVENTED:
          s->prevented = (int) v;
          break;
        default:
          g_assert_not_reached ();
        }
      g_assert_cmpint (desk_screening_create (f->store, s, &error), ==, 0);
      assert_field_error (error, cases[i].field);
      g_assert_false (desk_store_in_transaction (f->store));
    }
  g_assert_cmpint (desk_test_query_int (f->store, "SELECT count(*) FROM screenings"), ==, 0);
}

/* "Today" follows LEGALDESK_TODAY. */
static void
test_future_date (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("LEGALDESK_TODAY", "2026-06-15", TRUE);
  {
    g_autoptr(DeskScreening) s = sample (f, "2026-06-15");

    g_assert_cmpint (desk_screening_create (f->store, s, &error), >, 0);
    g_assert_no_error (error);
  }
  {
    g_autoptr(DeskScreening) s = sample (f, "2026-06-16");

    g_assert_cmpint (desk_screening_create (f->store, s, &error), ==, 0);
    assert_field_error (error, "日期");
  }
  g_setenv ("LEGALDESK_TODAY", "2026-11-23", TRUE);
}

static void
test_list_by_period (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 a, b, c, d, e, gone;

  g_setenv ("LEGALDESK_TODAY", "2026-11-30", TRUE);
  a = add (f, "2026-10-31", f->committee);
  b = add (f, "2026-11-01", f->committee);
  c = add (f, "2026-11-15", f->other_committee);
  d = add (f, "2026-11-15", f->committee);
  e = add (f, "2026-11-30", f->committee);
  gone = add (f, "2026-11-20", f->committee);
  g_assert_true (desk_screening_delete (f->store, gone, &error));

#define ASSERT_IDS(from, to, committee, ...)                            \
  G_STMT_START {                                                        \
    const gint64 expected_[] = { __VA_ARGS__ };                         \
    g_clear_pointer (&list, g_ptr_array_unref);                         \
    list = desk_screening_list (f->store, (from), (to), (committee), &error); \
    g_assert_no_error (error);                                          \
    g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (expected_));         \
    for (guint i_ = 0; i_ < list->len; i_++)                            \
      g_assert_cmpint (((DeskScreening *) g_ptr_array_index (list, i_))->id, \
                       ==, expected_[i_]);                              \
  } G_STMT_END

  /* November, both ends inclusive, latest first, the same day by id. */
  ASSERT_IDS ("2026-11-01", "2026-11-30", 0, e, d, c, b);
  ASSERT_IDS ("2026-11-01", "2026-11-30", f->committee, e, d, b);
  ASSERT_IDS ("2026-11-01", "2026-11-30", f->other_committee, c);
  ASSERT_IDS (NULL, "2026-11-01", 0, b, a);
  ASSERT_IDS ("2026-11-15", NULL, 0, e, d, c);
  ASSERT_IDS (NULL, NULL, 0, e, d, c, b, a);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = desk_screening_list (f->store, "2026-12-01", "2026-12-31", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
#undef ASSERT_IDS
  g_setenv ("LEGALDESK_TODAY", "2026-11-23", TRUE);
}

/* A screening holds its committee and village: they are retired, not
 * deleted; once it is deleted they can go. */
static void
test_registers_in_use (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add (f, "2026-11-02", f->other_committee);
  g_autoptr(DeskScreening) s = desk_screening_get (f->store, id, &error);

  g_assert_false (desk_committee_delete (f->store, f->other_committee, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_IN_USE);
  g_clear_error (&error);

  /* The village is also the first committee's: move that one elsewhere
   * so that only the screening holds it. */
  {
    g_autoptr(DeskCommittee) c = desk_committee_get (f->store, f->committee, &error);

    c->village_id = 0;
    g_assert_true (desk_committee_update (f->store, c, &error));
    g_assert_no_error (error);
  }
  g_assert_false (desk_village_delete (f->store, f->village, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_IN_USE);
  g_clear_error (&error);

  g_assert_true (desk_committee_retire (f->store, f->other_committee, "2026-11-30", &error));
  g_assert_no_error (error);
  g_assert_true (desk_village_retire (f->store, f->village, "2026-11-30", &error));
  g_assert_no_error (error);

  g_assert_true (desk_screening_delete (f->store, s->id, &error));
  g_assert_true (desk_committee_delete (f->store, f->other_committee, &error));
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
  g_test_add ("/screening/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("create-get-update-delete", test_create_get_update_delete);
  ADD ("rejections", test_rejections);
  ADD ("future-date", test_future_date);
  ADD ("list-by-period", test_list_by_period);
  ADD ("registers-in-use", test_registers_in_use);
#undef ADD

  return g_test_run ();
}
