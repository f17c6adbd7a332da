/* test-cli.c — legaldesk-cli run as a station would run it: init, config,
 * holiday, check, backup, restore; messages in Chinese, failures non-zero. */
#include "config.h"

#include <string.h>

#include "desk-test-cli.h"
#include "desk-test-util.h"

static void
test_init_and_config (void)
{
  g_autofree char *db = desk_test_path ("cli-init.db");
  g_autoptr(DeskCliResult) r = NULL;

  r = desk_test_run_cli ("init", "--database", db, "--county", "青山县", "--township", "青山镇",
                         "--station", "青山镇司法所", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));
  g_clear_pointer (&r, desk_cli_result_free);

  /* init never touches an existing ledger */
  r = desk_test_run_cli ("init", "--database", db, NULL);
  g_assert_cmpint (r->status, ==, 1);
  g_assert_nonnull (strstr (r->err, "已存在"));
  g_clear_pointer (&r, desk_cli_result_free);

  r = desk_test_run_cli ("config", "get", "station", "--database", db, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->out, ==, "青山镇司法所\n");
  g_clear_pointer (&r, desk_cli_result_free);

  r = desk_test_run_cli ("config", "get", "aid-limit-days", "--database", db, NULL);
  g_assert_cmpstr (r->out, ==, "3\n");
  g_clear_pointer (&r, desk_cli_result_free);

  r = desk_test_run_cli ("config", "set", "head", "王建国", "--database", db, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, desk_cli_result_free);

  r = desk_test_run_cli ("config", "list", "--database", db, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "王建国"));
  g_assert_nonnull (strstr (r->out, "mediation-limit-days"));
  g_clear_pointer (&r, desk_cli_result_free);

  r = desk_test_run_cli ("config", "set", "follow-up-days", "十五", "--database", db, NULL);
  g_assert_cmpint (r->status, ==, 1);
  g_assert_nonnull (strstr (r->err, "整数"));
  g_clear_pointer (&r, desk_cli_result_free);

  r = desk_test_run_cli ("config", "set", "no-such-key", "1", "--database", db, NULL);
  g_assert_cmpint (r->status, !=, 0);
}

static void
test_default_database (void)
{
  g_autoptr(DeskCliResult) r = NULL;
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "legaldesk", "ledger.db",
                                                NULL);

  r = desk_test_run_cli ("config", "list", NULL);
  g_assert_cmpint (r->status, ==, 1);
  g_assert_nonnull (strstr (r->err, "init"));
  g_clear_pointer (&r, desk_cli_result_free);

  r = desk_test_run_cli ("init", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_true (g_file_test (expected, G_FILE_TEST_EXISTS));
}

static void
test_holiday (void)
{
  g_autofree char *db = desk_test_path ("cli-holiday.db");
  g_autoptr(DeskCliResult) r = NULL;

  r = desk_test_run_cli ("init", "--database", db, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, desk_cli_result_free);

  r = desk_test_run_cli ("holiday", "add", "2026-10-01", "--note", "国庆节", "--database", db,
                         NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, desk_cli_result_free);
  r = desk_test_run_cli ("holiday", "add", "2026-10-10", "--workday", "--database", db, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, desk_cli_result_free);

  r = desk_test_run_cli ("holiday", "list", "--database", db, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "2026-10-01"));
  g_assert_nonnull (strstr (r->out, "国庆节"));
  g_assert_nonnull (strstr (r->out, "2026-10-10"));
  g_clear_pointer (&r, desk_cli_result_free);

  r = desk_test_run_cli ("holiday", "remove", "2026-10-01", "--database", db, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, desk_cli_result_free);
  r = desk_test_run_cli ("holiday", "remove", "2026-10-01", "--database", db, NULL);
  g_assert_cmpint (r->status, ==, 1);
  g_clear_pointer (&r, desk_cli_result_free);
  r = desk_test_run_cli ("holiday", "add", "2026-02-30", "--database", db, NULL);
  g_assert_cmpint (r->status, ==, 1);
  g_assert_nonnull (strstr (r->err, "日期"));
}

static void
test_check_backup_restore (void)
{
  g_autofree char *db = desk_test_path ("cli-backup.db");
  g_autofree char *copy = desk_test_path ("cli-backup-copy.db");
  g_autofree char *junk = desk_test_path ("junk.db");
  g_autoptr(DeskCliResult) r = NULL;

  r = desk_test_run_cli ("init", "--database", db, "--station", "青山镇司法所", NULL);
  g_clear_pointer (&r, desk_cli_result_free);

  r = desk_test_run_cli ("check", "--database", db, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, desk_cli_result_free);

  r = desk_test_run_cli ("backup", "--database", db, "--output", copy, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_clear_pointer (&r, desk_cli_result_free);

  r = desk_test_run_cli ("config", "set", "station", "别的名字", "--database", db, NULL);
  g_clear_pointer (&r, desk_cli_result_free);
  r = desk_test_run_cli ("restore", "--database", db, "--input", copy, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, desk_cli_result_free);
  r = desk_test_run_cli ("config", "get", "station", "--database", db, NULL);
  g_assert_cmpstr (r->out, ==, "青山镇司法所\n");
  g_clear_pointer (&r, desk_cli_result_free);

  g_assert_true (g_file_set_contents (junk, "not a ledger", -1, NULL));
  r = desk_test_run_cli ("restore", "--database", db, "--input", junk, NULL);
  g_assert_cmpint (r->status, ==, 1);
  g_clear_pointer (&r, desk_cli_result_free);
  r = desk_test_run_cli ("check", "--database", junk, NULL);
  g_assert_cmpint (r->status, ==, 1);
  g_assert_nonnull (strstr (r->err, "备份"));
}

static void
test_usage (void)
{
  g_autoptr(DeskCliResult) r = NULL;

  r = desk_test_run_cli ("frobnicate", NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_clear_pointer (&r, desk_cli_result_free);
  r = desk_test_run_cli ("--help", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "init"));
}

int
main (int    argc,
      char **argv)
{
  desk_test_init (&argc, &argv);

  g_test_add_func ("/cli/init-and-config", test_init_and_config);
  g_test_add_func ("/cli/default-database", test_default_database);
  g_test_add_func ("/cli/holiday", test_holiday);
  g_test_add_func ("/cli/check-backup-restore", test_check_backup_restore);
  g_test_add_func ("/cli/usage", test_usage);

  return g_test_run ();
}
