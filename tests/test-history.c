/* test-history.c — the report history: exports kept with their figures and
 * SHA-256, and the figures that changed since a month was exported,
 * whatever moved them (a record added or deleted, a holiday); then the
 * `export` and `history` commands end to end. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "desk-figures.h"
#include "desk-history.h"
#include "desk-settings.h"
#include "desk-test-cli.h"
#include "desk-test-util.h"
#include "desk-xlsx.h"

/* ---- helpers ---------------------------------------------------------- */

/* Runs @sql with @values bound as text (NULL: SQL NULL), in order. */
static void
exec_bound (DeskStore         *store,
            const char        *sql,
            const char *const *values)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (desk_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  for (int i = 0; values[i] != NULL; i++)
    sqlite3_bind_text (stmt, i + 1, values[i], -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("%s: %s", sql, sqlite3_errmsg (desk_store_get_db (store)));
  sqlite3_finalize (stmt);
}

static void
set_station (DeskStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_settings_set (store, "county", "青山县", &error));
  g_assert_true (desk_settings_set (store, "township", "青山镇", &error));
  g_assert_true (desk_settings_set (store, "station", "青山镇司法所", &error));
  g_assert_true (desk_settings_set (store, "clerk", "李娜", &error));
  g_assert_no_error (error);
}

/* A clerk and a visitor that the records below refer to (ids 1). */
static void
add_people (DeskStore *store)
{
  desk_test_exec (store,
                  "INSERT INTO staff (id, name, created_at, updated_at)"
                  " VALUES (1, '李娜', '2026-01-01 08:00:00', '2026-01-01 08:00:00');"
                  "INSERT INTO people (id, name, sex, birth_date, created_at, updated_at)"
                  " VALUES (1, '张三', '男', '1960-05-01', '2026-01-01 08:00:00',"
                  " '2026-01-01 08:00:00');");
}

static void
add_consultation (DeskStore  *store,
                  const char *id,
                  const char *at)
{
  g_autofree char *number = g_strdup_printf ("ZX2026-%04d", atoi (id));
  const char *values[] = { id, number, id, at, NULL };

  exec_bound (store,
              "INSERT INTO consultations (id, number, year, seq, at, staff_id, channel_id,"
              " person_id, companions, category_id, result_id, created_at, updated_at)"
              " VALUES (?1, ?2, CAST (substr (?4, 1, 4) AS INTEGER), ?3, ?4, 1,"
              " (SELECT id FROM codes WHERE kind = 'channel' AND label = '来访'), 1, 2,"
              " (SELECT id FROM codes WHERE kind = 'consult_category' AND label = '婚姻家庭'),"
              " (SELECT id FROM codes WHERE kind = 'consult_result' AND label = '当场解答'),"
              " '2026-11-01 08:00:00', '2026-11-01 08:00:00')",
              values);
}

/* An application received on @received and forwarded on @forwarded. */
static void
add_legal_aid (DeskStore  *store,
               const char *id,
               const char *received,
               const char *forwarded)
{
  g_autofree char *number = g_strdup_printf ("FY2026-%04d", atoi (id));
  const char *values[] = { id, number, received, forwarded, NULL };

  exec_bound (store,
              "INSERT INTO legal_aid (id, number, year, seq, received_at, receiver_id, person_id,"
              " sex, birth_date, matter_type_id, matter_id, status, forwarded_on,"
              " created_at, updated_at)"
              " VALUES (?1, ?2, 2026, ?1, ?3, 1, 1, '男', '1960-05-01',"
              " (SELECT id FROM codes WHERE kind = 'aid_matter_type' AND label = '民事'),"
              " (SELECT id FROM codes WHERE kind = 'aid_matter' AND label = '其他'),"
              " '已转交', ?4, '2026-11-01 08:00:00', '2026-11-01 08:00:00')",
              values);
}

/* The change of @sheet/@row/@path in @changes, or NULL. */
static DeskFigureChange *
find_change (GPtrArray  *changes,
             const char *sheet,
             const char *row,
             const char *path)
{
  for (guint i = 0; i < changes->len; i++)
    {
      DeskFigureChange *c = g_ptr_array_index (changes, i);

      if (g_str_equal (c->sheet, sheet) && g_str_equal (c->row, row) &&
          g_str_equal (c->path, path))
        return c;
    }
  return NULL;
}

static void
assert_change (GPtrArray  *changes,
               const char *sheet,
               const char *row,
               const char *path,
               const char *old_value,
               const char *new_value)
{
  DeskFigureChange *c = find_change (changes, sheet, row, path);

  if (c == NULL)
    g_error ("no change of %s / %s / %s among %u", sheet, row, path, changes->len);
  g_assert_cmpstr (c->old_value, ==, old_value);
  g_assert_cmpstr (c->new_value, ==, new_value);
}

static DeskReport *
small_report (void)
{
  DeskReport *report = desk_report_new (2026, 11);
  DeskReportTable *t;
  DeskReportRow *r;

  report->station = g_strdup ("青山镇司法所");
  t = desk_report_add_table (report, "人民调解", "人民调解案件统计表", "件", "纠纷类型");
  desk_report_table_add_column (t, "受理", "本月", 0, TRUE);
  desk_report_table_add_column (t, "成功率(%)", "本月", 1, FALSE);
  r = desk_report_table_add_row (t, "婚姻家庭纠纷", FALSE);
  desk_report_row_set_number (r, 0, 3);
  desk_report_row_set_number (r, 1, 952);
  r = desk_report_table_add_row (t, "合计", TRUE);
  desk_report_row_set_number (r, 0, 3);
  desk_report_row_set_empty (r, 1);
  t = desk_report_add_table (report, "法律顾问", "村(居)法律顾问工作统计表", "次", "法律顾问");
  desk_report_table_add_text_column (t, "是否达标");
  r = desk_report_table_add_row (t, "张\t三", FALSE);
  desk_report_row_set_text (r, 0, "是");
  r = desk_report_table_add_row (t, "张\t三", FALSE);
  desk_report_row_set_text (r, 0, "否");
  return report;
}

/* ---- the figures as text ---------------------------------------------- */

static void
test_serialize (void)
{
  g_autoptr(DeskReport) report = small_report ();
  g_autofree char *text = desk_history_serialize (report);

  g_assert_cmpstr (text, ==,
                   "人民调解\t婚姻家庭纠纷\t受理/本月\t3\n"
                   "人民调解\t婚姻家庭纠纷\t成功率(%)/本月\t95.2\n"
                   "人民调解\t合计\t受理/本月\t3\n"
                   "人民调解\t合计\t成功率(%)/本月\t\n"
                   "法律顾问\t张\\t三\t是否达标\t是\n"
                   "法律顾问\t张\\t三\t是否达标\t否\n");
}

static void
test_compare (void)
{
  g_autoptr(DeskReport) report = small_report ();
  g_autofree char *before = desk_history_serialize (report);
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) none = desk_history_compare (before, before);
  g_autoptr(GPtrArray) changes = NULL;
  DeskReportTable *t = g_ptr_array_index (report->tables, 0);
  DeskReportTable *advisers = g_ptr_array_index (report->tables, 1);
  DeskReportRow *r;
  DeskFigureChange *c;
  g_autofree char *line = NULL;

  g_assert_cmpuint (none->len, ==, 0);

  /* a value changed, a ratio became empty, a row came, a row went */
  desk_report_row_set_number (g_ptr_array_index (t->rows, 0), 0, 4);
  desk_report_row_set_empty (g_ptr_array_index (t->rows, 0), 1);
  desk_report_row_set_number (g_ptr_array_index (t->rows, 1), 0, 5);
  r = desk_report_table_add_row (t, "邻里纠纷", FALSE);
  desk_report_row_set_number (r, 0, 1);
  desk_report_row_set_empty (r, 1);
  desk_report_row_set_text (g_ptr_array_index (advisers->rows, 0), 0, "否");
  g_ptr_array_remove_index (advisers->rows, 1);
  after = desk_history_serialize (report);

  changes = desk_history_compare (before, after);
  g_assert_cmpuint (changes->len, ==, 7);
  assert_change (changes, "人民调解", "婚姻家庭纠纷", "受理/本月", "3", "4");
  assert_change (changes, "人民调解", "婚姻家庭纠纷", "成功率(%)/本月", "95.2", "");
  assert_change (changes, "人民调解", "合计", "受理/本月", "3", "5");
  assert_change (changes, "人民调解", "邻里纠纷", "受理/本月", NULL, "1");
  assert_change (changes, "人民调解", "邻里纠纷", "成功率(%)/本月", NULL, "");

  /* two advisers of one name pair in order; the first changed, the second went */
  c = g_ptr_array_index (changes, 5);
  g_assert_cmpstr (c->row, ==, "张\t三");
  g_assert_cmpstr (c->old_value, ==, "是");
  g_assert_cmpstr (c->new_value, ==, "否");
  c = g_ptr_array_index (changes, 6);
  g_assert_cmpstr (c->row, ==, "张\t三");
  g_assert_cmpstr (c->old_value, ==, "否");
  g_assert_null (c->new_value);

  line = desk_figure_change_describe (g_ptr_array_index (changes, 0));
  g_assert_cmpstr (line, ==, "人民调解 · 婚姻家庭纠纷 · 受理/本月：3 → 4");
  g_clear_pointer (&line, g_free);
  line = desk_figure_change_describe (g_ptr_array_index (changes, 1));
  g_assert_cmpstr (line, ==, "人民调解 · 婚姻家庭纠纷 · 成功率(%)/本月：95.2 → （空）");
  g_clear_pointer (&line, g_free);
  line = desk_figure_change_describe (g_ptr_array_index (changes, 3));
  g_assert_cmpstr (line, ==, "人民调解 · 邻里纠纷 · 受理/本月：（未列出） → 1");
}

/* ---- records ------------------------------------------------------------ */

static void
test_record_and_sha256 (void)
{
  g_autoptr(DeskStore) store = desk_test_open_store ("history-record.db");
  g_autoptr(DeskReport) report = small_report ();
  g_autofree char *abc = desk_test_path ("abc.txt");
  g_autofree char *book = desk_test_path ("record.xlsx");
  g_autofree char *sha = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *sum_out = NULL;
  g_autoptr(GPtrArray) exports = NULL;
  g_autoptr(DeskExport) last = NULL;
  g_autoptr(GError) error = NULL;
  const DeskXlsxOptions options = { .report_date = "2026-12-03" };
  gsize len;
  gint64 id = 0;
  int status;

  /* the FIPS 180-2 vector */
  g_assert_true (g_file_set_contents (abc, "abc", 3, NULL));
  sha = desk_history_file_sha256 (abc, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sha, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_clear_pointer (&sha, g_free);

  g_assert_null (desk_history_file_sha256 (book, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_null (desk_history_last (store, 2026, 11, &error));
  g_assert_no_error (error);

  g_assert_true (desk_xlsx_write (report, book, &options, &error));
  g_assert_no_error (error);
  g_assert_true (desk_history_record (store, report, book, "李娜", FALSE, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* the SHA-256 is the file's, as sha256sum computes it */
  g_assert_true (g_file_get_contents (book, &contents, &len, NULL));
  expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
  {
    const char *argv[] = { "sha256sum", book, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &sum_out, NULL, &status, NULL));
  }
  g_assert_true (g_str_has_prefix (sum_out, expected));

  last = desk_history_last (store, 2026, 11, &error);
  g_assert_no_error (error);
  g_assert_nonnull (last);
  g_assert_cmpint (last->id, ==, id);
  g_assert_cmpint (last->year, ==, 2026);
  g_assert_cmpint (last->month, ==, 11);
  g_assert_cmpstr (last->sha256, ==, expected);
  g_assert_cmpstr (last->file_name, ==, "record.xlsx");
  g_assert_cmpstr (last->exported_by, ==, "李娜");
  g_assert_false (last->corrected);
  g_assert_true (g_str_has_prefix (last->exported_at, "20"));
  g_assert_cmpuint (strlen (last->exported_at), ==, 19);
  figures = desk_history_serialize (report);
  g_assert_cmpstr (last->figures, ==, figures);

  g_assert_true (desk_history_record (store, report, book, NULL, TRUE, NULL, &error));
  g_assert_no_error (error);
  exports = desk_history_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (exports->len, ==, 2);
  g_assert_cmpint (((DeskExport *) g_ptr_array_index (exports, 0))->id, ==, id);
  g_assert_null (((DeskExport *) g_ptr_array_index (exports, 1))->exported_by);
  g_assert_true (((DeskExport *) g_ptr_array_index (exports, 1))->corrected);
  g_clear_pointer (&last, desk_export_free);
  last = desk_history_last (store, 2026, 11, &error);
  g_assert_true (last->corrected);
  g_assert_null (desk_history_last (store, 2026, 10, &error));
  g_assert_no_error (error);
}

/* ---- changes since export, with the real figures ------------------------ */

static gint64
record_export (DeskStore  *store,
               const char *name)
{
  g_autofree char *path = desk_test_path (name);
  g_autoptr(DeskReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const DeskXlsxOptions options = { .report_date = "2026-12-03", .overwrite = TRUE };
  gint64 id = 0;

  report = desk_figures_compute (store, 2026, 11, &error);
  g_assert_no_error (error);
  g_assert_true (desk_xlsx_write (report, path, &options, &error));
  g_assert_no_error (error);
  g_assert_true (desk_history_record (store, report, path, "李娜", FALSE, &id, &error));
  g_assert_no_error (error);
  return id;
}

static GPtrArray *
changes_of_november (DeskStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *changes = desk_history_changes (store, 2026, 11, &error);

  g_assert_no_error (error);
  g_assert_nonnull (changes);
  return changes;
}

static void
test_changes (void)
{
  g_autoptr(DeskStore) store = desk_test_open_store ("history-changes.db");
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  set_station (store);
  add_people (store);
  add_consultation (store, "1", "2026-11-03 09:30");
  /* received Monday, forwarded Friday: 4 working days, over the limit of 3 */
  add_legal_aid (store, "1", "2026-11-02 10:00", "2026-11-06");

  /* never exported: nothing to compare with */
  changes = changes_of_november (store);
  g_assert_cmpuint (changes->len, ==, 0);
  g_clear_pointer (&changes, g_ptr_array_unref);

  record_export (store, "changes.xlsx");
  changes = changes_of_november (store);
  g_assert_cmpuint (changes->len, ==, 0);
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* a record added in the month moves its figures */
  add_consultation (store, "2", "2026-11-10 15:00");
  changes = changes_of_november (store);
  assert_change (changes, "汇总", "法律咨询(件)", "本月", "1", "2");
  assert_change (changes, "汇总", "法律咨询(人次)", "本月", "2", "4");
  assert_change (changes, "法律咨询", "合计", "咨询(件)/本月", "1", "2");
  assert_change (changes, "法律咨询", "婚姻家庭", "按渠道(本月)/来访", "1", "2");
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* deleted, it counts nowhere: the figures are the exported ones again */
  desk_test_exec (store, "UPDATE consultations SET deleted_at = '2026-11-20 10:00:00'"
                         " WHERE id = 2");
  changes = changes_of_november (store);
  g_assert_cmpuint (changes->len, ==, 0);
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* a record after the month changes nothing in it */
  add_consultation (store, "3", "2026-12-01 09:00");
  changes = changes_of_november (store);
  g_assert_cmpuint (changes->len, ==, 0);
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* deleting an exported record moves the figure down */
  desk_test_exec (store, "UPDATE consultations SET deleted_at = '2026-11-20 10:00:00'"
                         " WHERE id = 1");
  changes = changes_of_november (store);
  assert_change (changes, "汇总", "法律咨询(件)", "本月", "1", "0");
  assert_change (changes, "法律咨询", "合计", "咨询(件)/本年累计", "1", "0");
  g_clear_pointer (&changes, g_ptr_array_unref);
  desk_test_exec (store, "UPDATE consultations SET deleted_at = NULL WHERE id = 1");

  /* a holiday on Wednesday: 3 working days, forwarded in time */
  g_assert_true (desk_holidays_add (store, "2026-11-04", FALSE, "测试", &error));
  g_assert_no_error (error);
  changes = changes_of_november (store);
  g_assert_cmpuint (changes->len, >=, 1);
  assert_change (changes, "法律援助", "合计", "按期转交(本月)", "0", "1");
  for (guint i = 0; i < changes->len; i++)
    {
      DeskFigureChange *c = g_ptr_array_index (changes, i);

      g_assert_cmpstr (c->sheet, ==, "法律援助");
      g_assert_cmpstr (c->path, ==, "按期转交(本月)");
    }
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* a new export is the new reference */
  record_export (store, "changes-2.xlsx");
  changes = changes_of_november (store);
  g_assert_cmpuint (changes->len, ==, 0);
}

/* ---- the commands ------------------------------------------------------- */

static void
test_cli_export (void)
{
  g_autofree char *db = desk_test_path ("cli-export.db");
  g_autofree char *out_dir = desk_test_path ("cli-out");
  g_autofree char *plain = NULL;
  g_autofree char *corrected = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(DeskCliResult) r = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GPtrArray) exports = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0700), ==, 0);
  plain = g_build_filename (out_dir, "青山镇司法所_2026年11月_统计月报.xlsx", NULL);
  corrected = g_build_filename (out_dir, "青山镇司法所_2026年11月_统计月报（更正）.xlsx", NULL);

  r = desk_test_run_cli ("init", "--database", db, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, desk_cli_result_free);

  /* blocked, with the reason, while the station is not named */
  r = desk_test_run_cli ("export", "--database", db, "--month", "2026-11", NULL);
  g_assert_cmpint (r->status, ==, 1);
  g_assert_nonnull (strstr (r->err, "县"));
  g_clear_pointer (&r, desk_cli_result_free);

  /* bad months are usage errors */
  r = desk_test_run_cli ("export", "--database", db, "--month", "2026-13", NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_assert_nonnull (strstr (r->err, "2026-13"));
  g_clear_pointer (&r, desk_cli_result_free);
  r = desk_test_run_cli ("export", "--database", db, NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_clear_pointer (&r, desk_cli_result_free);

  store = desk_store_open (db, DESK_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  set_station (store);
  add_people (store);
  add_consultation (store, "1", "2026-11-03 09:30");

  /* the standard name in the current folder */
  g_assert_cmpint (g_chdir (out_dir), ==, 0);
  r = desk_test_run_cli ("export", "--database", db, "--month", "2026-11", NULL);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "青山镇司法所_2026年11月_统计月报.xlsx"));
  g_assert_true (g_file_test (plain, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&r, desk_cli_result_free);

  /* never over an existing file without --force */
  r = desk_test_run_cli ("export", "--database", db, "--month", "2026-11", "--output", out_dir,
                         NULL);
  g_assert_cmpint (r->status, ==, 1);
  g_assert_nonnull (strstr (r->err, "已存在"));
  g_assert_nonnull (strstr (r->err, "--force"));
  g_clear_pointer (&r, desk_cli_result_free);
  r = desk_test_run_cli ("export", "--database", db, "--month", "2026-11", "--output", out_dir,
                         "--force", "--date", "2026-12-05", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, desk_cli_result_free);

  /* the figures changed: a corrected workbook, with the changes listed */
  add_consultation (store, "2", "2026-11-10 15:00");
  r = desk_test_run_cli ("export", "--database", db, "--month", "2026-11", "--output", out_dir,
                         NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "法律咨询(件) · 本月：1 → 2"));
  g_assert_nonnull (strstr (r->out, "（更正）"));
  g_assert_true (g_file_test (corrected, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&r, desk_cli_result_free);

  exports = desk_history_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (exports->len, ==, 3);
  g_assert_false (((DeskExport *) g_ptr_array_index (exports, 1))->corrected);
  g_assert_true (((DeskExport *) g_ptr_array_index (exports, 2))->corrected);
  g_assert_cmpstr (((DeskExport *) g_ptr_array_index (exports, 2))->file_name, ==,
                   "青山镇司法所_2026年11月_统计月报（更正）.xlsx");
  g_assert_cmpstr (((DeskExport *) g_ptr_array_index (exports, 2))->exported_by, ==, "李娜");
  {
    g_autofree char *sha = desk_history_file_sha256 (corrected, NULL);

    g_assert_cmpstr (((DeskExport *) g_ptr_array_index (exports, 2))->sha256, ==, sha);
  }
  g_clear_pointer (&r, desk_cli_result_free);

  /* history: the table, then what changed since the last export */
  r = desk_test_run_cli ("history", "--database", db, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "月份"));
  g_assert_nonnull (strstr (r->out, "青山镇司法所_2026年11月_统计月报（更正）.xlsx"));
  g_assert_nonnull (strstr (r->out, "没有"));
  g_clear_pointer (&r, desk_cli_result_free);

  desk_test_exec (store, "UPDATE consultations SET deleted_at = '2026-11-25 10:00:00'"
                         " WHERE id = 2");
  r = desk_test_run_cli ("history", "--database", db, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "2026-11"));
  g_assert_nonnull (strstr (r->out, "汇总 · 法律咨询(件) · 本月：2 → 1"));
}

/* The checks' warnings are printed; they never block the export. */
static void
test_cli_export_warnings (void)
{
  g_autofree char *db = desk_test_path ("cli-warnings.db");
  g_autofree char *out_dir = desk_test_path ("cli-warnings");
  g_autofree char *book = NULL;
  g_autoptr(DeskCliResult) r = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0700), ==, 0);
  r = desk_test_run_cli ("init", "--database", db, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, desk_cli_result_free);
  store = desk_store_open (db, DESK_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  set_station (store);
  add_people (store);
  /* today is 2026-11-23 in the tests: a record dated after it */
  add_consultation (store, "1", "2026-11-28 09:00");

  r = desk_test_run_cli ("export", "--database", db, "--month", "2026-11", "--output", out_dir,
                         "--date", "2026-12-01", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "警告："));
  g_assert_nonnull (strstr (r->out, "ZX2026-0001"));
  book = g_build_filename (out_dir, "青山镇司法所_2026年11月_统计月报.xlsx", NULL);
  g_assert_true (g_file_test (book, G_FILE_TEST_IS_REGULAR));
}

static void
test_cli_history_empty (void)
{
  g_autofree char *db = desk_test_path ("cli-history.db");
  g_autoptr(DeskCliResult) r = NULL;

  r = desk_test_run_cli ("init", "--database", db, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, desk_cli_result_free);
  r = desk_test_run_cli ("history", "--database", db, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "尚未"));
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

  g_test_add_func ("/history/serialize", test_serialize);
  g_test_add_func ("/history/compare", test_compare);
  g_test_add_func ("/history/record-and-sha256", test_record_and_sha256);
  g_test_add_func ("/history/changes", test_changes);
  g_test_add_func ("/history/cli-export", test_cli_export);
  g_test_add_func ("/history/cli-export-warnings", test_cli_export_warnings);
  g_test_add_func ("/history/cli-history-empty", test_cli_history_empty);
  return g_test_run ();
}
