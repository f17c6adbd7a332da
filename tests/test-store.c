/* test-store.c — opening, migrating, transactions, backup and restore of
 * the ledger, and the station's settings, holidays and code tables. */
#include "config.h"

#include <glib/gstdio.h>

#include "desk-codes.h"
#include "desk-date.h"
#include "desk-settings.h"
#include "desk-store.h"
#include "desk-test-util.h"

static void
test_create_and_reopen (void)
{
  g_autofree char *path = desk_test_path ("create.db");
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mode = NULL;

  store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_store_get_schema_version (store), ==, desk_store_get_latest_version ());
  mode = desk_test_query_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (desk_test_query_int (store, "PRAGMA synchronous"), ==, 2);  /* FULL */
  g_assert_cmpint (desk_test_query_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM codes"), >, 100);
  g_clear_object (&store);

  store = desk_store_open (path, DESK_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  /* Seeding happened once. */
  g_assert_cmpint (desk_test_query_int (store,
                                        "SELECT count(*) FROM codes WHERE kind = 'dispute_type'"),
                   ==, 18);
}

/* Every earlier schema version upgrades to the latest.  An empty file is
 * version 0. */
static void
test_migrate_from_empty_file (void)
{
  g_autofree char *path = desk_test_path ("empty.db");
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_store_get_schema_version (store), ==, desk_store_get_latest_version ());
}

static void
test_refuses_foreign_files (void)
{
  g_autofree char *text = desk_test_path ("notes.txt");
  g_autofree char *other = desk_test_path ("other.sqlite");
  g_autofree char *missing = desk_test_path ("missing.db");
  g_autoptr(GError) error = NULL;
  DeskStore *store;
  sqlite3 *db = NULL;

  g_assert_true (g_file_set_contents (text, "这不是数据库，只是一些文字。", -1, NULL));
  store = desk_store_open (text, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  store = desk_store_open (other, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  store = desk_store_open (missing, DESK_STORE_OPEN_NO_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_OPEN);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_refuses_newer_schema (void)
{
  g_autofree char *path = desk_test_path ("newer.db");
  g_autoptr(GError) error = NULL;
  DeskStore *store;

  store = desk_test_open_store ("newer.db");
  desk_test_exec (store, "PRAGMA user_version = 999");
  g_object_unref (store);

  store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_VERSION);
}

static void
test_transactions_nest (void)
{
  g_autoptr(DeskStore) store = desk_test_open_store ("tx.db");
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_store_begin (store, &error));
  g_assert_true (desk_settings_set (store, "county", "青山县", &error));  /* inner savepoint */
  g_assert_true (desk_store_begin (store, &error));
  g_assert_true (desk_settings_set (store, "township", "青山镇", &error));
  desk_store_rollback (store);       /* drops the township only */
  g_assert_true (desk_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_false (desk_store_in_transaction (store));

  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM settings"), ==, 1);
  g_assert_cmpint (desk_test_query_int (store,
                                        "SELECT count(*) FROM settings WHERE key = 'county'"),
                   ==, 1);
}

static void
test_settings (void)
{
  g_autoptr(DeskStore) store = desk_test_open_store ("settings.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *station = NULL;
  g_autofree char *field = NULL;

  g_assert_null (desk_settings_get (store, "station"));
  g_assert_cmpint (desk_settings_get_int (store, "aid-limit-days"), ==, 3);
  g_assert_cmpint (desk_settings_get_int (store, "adviser-min-visits"), ==, 1);
  g_assert_cmpint (desk_settings_get_int (store, "adviser-min-hours"), ==, 4);
  g_assert_cmpint (desk_settings_get_int (store, "mediation-limit-days"), ==, 30);
  g_assert_cmpint (desk_settings_get_int (store, "follow-up-days"), ==, 15);
  g_assert_cmpint (desk_settings_get_int (store, "report-due-day"), ==, 5);

  g_assert_true (desk_settings_set (store, "station", " 青山镇司法所 ", &error));
  station = desk_settings_get (store, "station");
  g_assert_cmpstr (station, ==, "青山镇司法所");

  g_assert_true (desk_settings_set (store, "aid-limit-days", "5", &error));
  g_assert_cmpint (desk_settings_get_int (store, "aid-limit-days"), ==, 5);
  g_assert_true (desk_settings_set (store, "aid-limit-days", "", &error));
  g_assert_cmpint (desk_settings_get_int (store, "aid-limit-days"), ==, 3);

  g_assert_false (desk_settings_set (store, "aid-limit-days", "三", &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_INVALID);
  field = desk_error_get_field (error);
  g_assert_nonnull (field);
  g_clear_error (&error);
  g_assert_false (desk_settings_set (store, "report-due-day", "29", &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (desk_settings_set (store, "colour", "red", &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
}

static void
test_holidays (void)
{
  g_autoptr(DeskStore) store = desk_test_open_store ("holidays.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  /* 2026-10-01 is a Thursday, 2026-10-10 a Saturday. */
  g_assert_true (desk_is_working_day (store, "2026-10-01"));
  g_assert_false (desk_is_working_day (store, "2026-10-10"));
  g_assert_true (desk_holidays_add (store, "2026-10-01", FALSE, "国庆节", &error));
  g_assert_true (desk_holidays_add (store, "20261010", TRUE, "调休上班", &error));
  g_assert_no_error (error);
  g_assert_false (desk_is_working_day (store, "2026-10-01"));
  g_assert_true (desk_is_working_day (store, "2026-10-10"));

  /* After Wednesday 09-30 up to Monday 10-05: Thursday is a holiday, so
   * Friday and Monday count.  After Friday 10-09 up to Monday 10-12: the
   * make-up Saturday and Monday. */
  g_assert_cmpint (desk_working_days_between (store, "2026-09-30", "2026-10-05"), ==, 2);
  g_assert_cmpint (desk_working_days_between (store, "2026-10-09", "2026-10-12"), ==, 2);
  g_assert_cmpint (desk_working_days_between (store, "2026-10-09", "2026-10-09"), ==, 0);

  list = desk_holidays_list (store, 2026);
  g_assert_cmpint (list->len, ==, 2);
  g_assert_true (desk_holidays_remove (store, "2026-10-01", &error));
  g_assert_false (desk_holidays_remove (store, "2026-10-01", &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (desk_holidays_add (store, "2026-02-30", FALSE, NULL, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_INVALID);
}

/* The arithmetic count of working days equals a day-by-day count over
 * every span, weekends, holidays and make-up days included. */
static void
test_working_days_arithmetic (void)
{
  g_autoptr(DeskStore) store = desk_test_open_store ("workdays.db");
  g_autoptr(GError) error = NULL;
  const char *holidays[] = { "2026-01-01", "2026-02-16", "2026-02-17", "2026-05-01",
                             "2026-10-01", "2026-10-02", "2026-10-05" };
  const char *workdays[] = { "2026-02-14", "2026-09-27", "2026-10-10" };

  for (guint i = 0; i < G_N_ELEMENTS (holidays); i++)
    g_assert_true (desk_holidays_add (store, holidays[i], FALSE, NULL, &error));
  for (guint i = 0; i < G_N_ELEMENTS (workdays); i++)
    g_assert_true (desk_holidays_add (store, workdays[i], TRUE, NULL, &error));

  for (DeskDay from = desk_date_to_day ("2025-12-20"); from < desk_date_to_day ("2026-11-01");
       from += 3)
    for (int span = -2; span < 60; span += 1)
      {
        g_autofree char *a = desk_day_to_date (from);
        g_autofree char *b = desk_day_to_date (from + span);
        int naive = 0;

        for (DeskDay d = from + 1; d <= from + span; d++)
          {
            g_autofree char *date = desk_day_to_date (d);

            if (desk_is_working_day (store, date))
              naive++;
          }
        if (desk_working_days_between (store, a, b) != naive)
          g_error ("%s → %s: %d working days, counted %d", a, b,
                   desk_working_days_between (store, a, b), naive);
      }
  g_assert_cmpint (desk_working_days_between (store, "2023-01-01", "2026-12-31"), ==,
                   1044 - 7 + 3);   /* weekdays, less holidays, plus make-up days */
}

static void
test_codes (void)
{
  g_autoptr(DeskStore) store = desk_test_open_store ("codes.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *label = NULL;
  const char *const *rows;
  gint64 id, added;

  rows = desk_code_report_rows (DESK_CODE_CONSULT_RESULT);
  g_assert_cmpint (g_strv_length ((char **) rows), ==, 8);
  g_assert_cmpstr (rows[5], ==, "转介法律服务");
  g_assert_cmpstr (rows[6], ==, "转有关部门");
  g_assert_cmpint (g_strv_length ((char **) desk_code_report_rows (DESK_CODE_DISPUTE_TYPE)),
                   ==, 18);
  g_assert_cmpint (g_strv_length ((char **) desk_code_report_rows (DESK_CODE_AID_MATTER)),
                   ==, 17);
  g_assert_null (desk_code_report_rows (DESK_CODE_DIFFICULTY));

  id = desk_codes_lookup (store, DESK_CODE_DISPUTE_TYPE, "邻里纠纷", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (desk_codes_lookup (store, DESK_CODE_DISPUTE_TYPE, "邻里纠份", &error), ==, 0);
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "邻里纠纷"));  /* the nearest label is offered */
  g_clear_error (&error);

  /* A label the station adds must map to a row of the forms. */
  g_assert_cmpint (desk_codes_add (store, DESK_CODE_DISPUTE_TYPE, "知识产权纠纷", NULL, &error),
                   ==, 0);
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_INVALID);
  g_clear_error (&error);
  added = desk_codes_add (store, DESK_CODE_DISPUTE_TYPE, "知识产权纠纷", "其他纠纷", &error);
  g_assert_no_error (error);
  g_assert_cmpint (added, >, 0);
  g_assert_cmpint (desk_codes_add (store, DESK_CODE_DISPUTE_TYPE, "知识产权纠纷", "其他纠纷",
                                   &error), ==, 0);
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* Rename keeps the report row; retire hides it from new records only. */
  g_assert_true (desk_codes_rename (store, added, "知识产权类纠纷", &error));
  label = desk_codes_label (store, added);
  g_assert_cmpstr (label, ==, "知识产权类纠纷");
  g_assert_true (desk_codes_set_active (store, added, FALSE, &error));
  list = desk_codes_list (store, DESK_CODE_DISPUTE_TYPE, FALSE);
  g_assert_cmpint (list->len, ==, 18);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = desk_codes_list (store, DESK_CODE_DISPUTE_TYPE, TRUE);
  g_assert_cmpint (list->len, ==, 19);
  g_assert_cmpstr (((DeskCode *) g_ptr_array_index (list, 18))->report_row, ==, "其他纠纷");
  g_assert_cmpint (desk_codes_find (store, DESK_CODE_DISPUTE_TYPE, "知识产权类纠纷"), ==, added);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Reorder: move it first. */
  g_assert_true (desk_codes_move (store, added, 0, &error));
  list = desk_codes_list (store, DESK_CODE_DISPUTE_TYPE, TRUE);
  g_assert_cmpint (((DeskCode *) g_ptr_array_index (list, 0))->id, ==, added);
  g_assert_cmpstr (((DeskCode *) g_ptr_array_index (list, 1))->label, ==, "婚姻家庭纠纷");

  g_assert_true (desk_codes_check_kind (store, id, DESK_CODE_DISPUTE_TYPE, "纠纷类型", &error));
  g_assert_false (desk_codes_check_kind (store, id, DESK_CODE_CHANNEL, "渠道", &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_INVALID);
}

static void
test_backup_restore (void)
{
  g_autofree char *path = desk_test_path ("live.db");
  g_autofree char *backup = desk_test_path ("live-backup.db");
  g_autofree char *aside = NULL;
  g_autofree char *county = NULL;
  g_autoptr(GError) error = NULL;
  DeskStore *store;

  store = desk_test_open_store ("live.db");
  g_assert_true (desk_settings_set (store, "county", "青山县", &error));
  g_assert_true (desk_store_backup (store, backup, &error));
  g_assert_no_error (error);
  g_assert_true (desk_settings_set (store, "county", "改过的县", &error));
  g_object_unref (store);

  g_assert_true (desk_store_restore (backup, path, &aside, &error));
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));

  store = desk_test_open_store ("live.db");
  county = desk_settings_get (store, "county");
  g_assert_cmpstr (county, ==, "青山县");
  g_object_unref (store);

  /* A file that is no ledger is refused, and the ledger stays. */
  g_assert_true (g_file_set_contents (backup, "garbage", -1, NULL));
  g_assert_false (desk_store_restore (backup, path, NULL, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_check_clean (void)
{
  g_autoptr(DeskStore) store = desk_test_open_store ("check.db");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_store_check (store, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpint (problems->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  desk_test_init (&argc, &argv);

  g_test_add_func ("/store/create-and-reopen", test_create_and_reopen);
  g_test_add_func ("/store/migrate-from-empty-file", test_migrate_from_empty_file);
  g_test_add_func ("/store/refuses-foreign-files", test_refuses_foreign_files);
  g_test_add_func ("/store/refuses-newer-schema", test_refuses_newer_schema);
  g_test_add_func ("/store/transactions-nest", test_transactions_nest);
  g_test_add_func ("/store/settings", test_settings);
  g_test_add_func ("/store/holidays", test_holidays);
  g_test_add_func ("/store/working-days-arithmetic", test_working_days_arithmetic);
  g_test_add_func ("/store/codes", test_codes);
  g_test_add_func ("/store/backup-restore", test_backup_restore);
  g_test_add_func ("/store/check-clean", test_check_clean);

  return g_test_run ();
}
