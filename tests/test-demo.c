/* test-demo.c — the demonstration township: `legaldesk-cli demo` writes
 * exactly the records asked for, a ledger that passes `check`, the same
 * content for the same seed, valid ID numbers and case numbers, no date
 * after today, records the record modules themselves accept; and it never
 * touches a ledger that already holds records. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-adviser.h"
#include "desk-consultation.h"
#include "desk-demo.h"
#include "desk-legal-aid.h"
#include "desk-mediation.h"
#include "desk-person.h"
#include "desk-register.h"
#include "desk-screening.h"
#include "desk-sequence.h"
#include "desk-test-cli.h"
#include "desk-test-util.h"

/* The ledger every content test reads: 2000 records, seed 7. */
static char *demo_db;

static const char *const record_tables[] = {
  "consultations", "mediation_cases", "screenings", "legal_aid", "adviser_services",
};

static DeskStore *
open_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  DeskStore *store = desk_store_open (path, DESK_STORE_OPEN_NO_CREATE, &error);

  g_assert_no_error (error);
  return store;
}

static gint64
count (DeskStore  *store,
       const char *table)
{
  /* @table is one of our own table names. */
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return desk_test_query_int (store, sql);
}

static const char *
demo_path (void)
{
  if (demo_db == NULL)
    {
      g_autoptr(DeskCliResult) r = NULL;

      demo_db = desk_test_path ("demo-7.db");
      r = desk_test_run_cli ("demo", "--records", "2000", "--seed", "7", "--database", demo_db,
                             NULL);
      g_assert_cmpint (r->status, ==, 0);
      g_assert_nonnull (strstr (r->out, "2000"));
    }
  return demo_db;
}

/* A digest of every row of every table, in key order. */
static char *
content_hash (const char *path)
{
  g_autoptr(DeskStore) store = open_path (path);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3 *db = desk_store_get_db (store);
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                       " AND name NOT LIKE 'sqlite%' ORDER BY name", -1,
                                       &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      /* Table names from the schema itself; every table has two or more
       * columns and a key that starts with the first. */
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2", table);
      sqlite3_stmt *rows = NULL;
      gint64 n = 0;

      g_checksum_update (sum, (const guchar *) table, -1);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (rows); i++)
            {
              const guchar *v = sqlite3_column_text (rows, i);

              g_checksum_update (sum, v ? v : (const guchar *) "\x01NULL", -1);
              g_checksum_update (sum, (const guchar *) "\x1f", 1);
            }
          n++;
        }
      sqlite3_finalize (rows);
      g_checksum_update (sum, (const guchar *) &n, sizeof n);
    }
  sqlite3_finalize (tables);
  return g_strdup (g_checksum_get_string (sum));
}

static void
test_cli_demo (void)
{
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(DeskCliResult) r = NULL;
  const char *path = demo_path ();
  gint64 sum = 0;

  store = open_path (path);
  for (guint i = 0; i < G_N_ELEMENTS (record_tables); i++)
    {
      g_assert_cmpint (count (store, record_tables[i]), >, 0);
      sum += count (store, record_tables[i]);
    }
  g_assert_cmpint (sum, ==, 2000);
  g_assert_cmpint (desk_store_count_records (store), ==, 2000);
  /* About 55 % consultations, 15 % cases, 8 % screenings, 7 % legal aid,
   * 15 % adviser services. */
  g_assert_cmpint (count (store, "consultations"), ==, 1100);
  g_assert_cmpint (count (store, "mediation_cases"), ==, 300);
  g_assert_cmpint (count (store, "screenings"), ==, 160);
  g_assert_cmpint (count (store, "legal_aid"), ==, 140);
  g_assert_cmpint (count (store, "adviser_services"), ==, 300);
  g_clear_object (&store);

  r = desk_test_run_cli ("check", "--database", path, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, desk_cli_result_free);

  /* A ledger with records is never touched. */
  r = desk_test_run_cli ("demo", "--records", "10", "--database", path, NULL);
  g_assert_cmpint (r->status, ==, 1);
  g_assert_nonnull (strstr (r->err, "已有 2000 条记录"));
  g_assert_nonnull (strstr (r->err, "--database"));
  store = open_path (path);
  g_assert_cmpint (desk_store_count_records (store), ==, 2000);
}

static void
test_cli_default_path (void)
{
  g_autofree char *demo = desk_store_demo_path ();
  g_autofree char *ledger = desk_store_default_path ();
  g_autoptr(DeskCliResult) r = NULL;
  g_autoptr(DeskStore) store = NULL;

  r = desk_test_run_cli ("demo", "--records", "50", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, demo));
  g_assert_true (g_file_test (demo, G_FILE_TEST_EXISTS));
  /* The station's own ledger is left alone. */
  g_assert_false (g_file_test (ledger, G_FILE_TEST_EXISTS));
  store = open_path (demo);
  g_assert_cmpint (desk_store_count_records (store), ==, 50);
}

static void
test_cli_bad_arguments (void)
{
  const char *const bad[][3] = {
    { "--records", "0", NULL }, { "--records", "-5", NULL }, { "--records", "很多", NULL },
    { "--records", "99999999999", NULL }, { "--seed", "-1", NULL }, { "surplus", NULL, NULL },
  };
  g_autofree char *path = desk_test_path ("bad-args.db");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      const char *args[8] = { "demo", "--database", path, bad[i][0], bad[i][1], NULL };
      g_autoptr(DeskCliResult) r = desk_test_run_cliv (args);

      g_assert_cmpint (r->status, ==, 2);
      g_assert_cmpstr (r->err, !=, "");
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

static void
test_reproducible (void)
{
  g_autofree char *again = desk_test_path ("demo-7-again.db");
  g_autofree char *other = desk_test_path ("demo-8.db");
  g_autofree char *hash = NULL, *hash_again = NULL, *hash_other = NULL;
  g_autoptr(DeskCliResult) r = NULL;

  hash = content_hash (demo_path ());
  r = desk_test_run_cli ("demo", "--records", "2000", "--seed", "7", "--database", again, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, desk_cli_result_free);
  r = desk_test_run_cli ("demo", "--records", "2000", "--seed", "8", "--database", other, NULL);
  g_assert_cmpint (r->status, ==, 0);

  hash_again = content_hash (again);
  hash_other = content_hash (other);
  g_assert_cmpstr (hash, ==, hash_again);
  g_assert_cmpstr (hash, !=, hash_other);
}

/* GB 11643-1999, computed here rather than trusted from the core. */
static char
id_check (const char *first17)
{
  static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  int sum = 0;

  for (int i = 0; i < 17; i++)
    sum += (first17[i] - '0') * weights[i];
  return "10X98765432"[sum % 11];
}

static void
test_id_numbers (void)
{
  g_autoptr(DeskStore) store = open_path (demo_path ());
  sqlite3_stmt *stmt = NULL;
  int n18 = 0, n15 = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (desk_store_get_db (store),
                                       "SELECT id_number, birth_date, sex, id_old FROM people"
                                       " WHERE id_type = '居民身份证' AND id_number IS NOT NULL",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      const char *birth = (const char *) sqlite3_column_text (stmt, 1);
      const char *sex = (const char *) sqlite3_column_text (stmt, 2);
      g_autofree char *from_id = NULL;
      int seq;

      g_assert_nonnull (birth);
      if (strlen (id) == 18)
        {
          g_assert_cmpint (strspn (id, "0123456789"), >=, 17);
          g_assert_cmpint (id[17], ==, id_check (id));
          from_id = g_strdup_printf ("%.4s-%.2s-%.2s", id + 6, id + 10, id + 12);
          seq = id[16] - '0';
          g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, 0);
          n18++;
        }
      else
        {
          g_assert_cmpint (strlen (id), ==, 15);
          g_assert_cmpint (strspn (id, "0123456789"), ==, 15);
          from_id = g_strdup_printf ("19%.2s-%.2s-%.2s", id + 6, id + 8, id + 10);
          seq = id[14] - '0';
          g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, 1);
          n15++;
        }
      g_assert_cmpstr (birth, ==, from_id);
      g_assert_cmpstr (sex, ==, seq % 2 ? "男" : "女");
      g_assert_cmpstr (birth, <=, g_getenv ("LEGALDESK_TODAY"));
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (n18, >, 500);
  g_assert_cmpint (n15, >, 0);

  /* Mobiles are 1[3-9] and nine digits. */
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM people WHERE phone IS NOT NULL"
                                        " AND kind = 'person' AND (length (phone) <> 11 OR"
                                        " phone NOT GLOB '1[3-9][0-9][0-9][0-9][0-9][0-9][0-9]"
                                        "[0-9][0-9][0-9]')"), ==, 0);
}

/* No value that reads as a date lies after today, in any column. */
static void
test_no_date_after_today (void)
{
  g_autoptr(DeskStore) store = open_path (demo_path ());
  sqlite3 *db = desk_store_get_db (store);
  const char *today = g_getenv ("LEGALDESK_TODAY");
  sqlite3_stmt *cols = NULL;
  int checked = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT m.name, p.name FROM sqlite_schema m,"
                                       " pragma_table_info (m.name) p WHERE m.type = 'table'"
                                       " AND m.name NOT LIKE 'sqlite%'", -1, &cols, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (cols) == SQLITE_ROW)
    {
      /* Names from the schema itself. */
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE \"%s\" GLOB"
                                              " '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]*'"
                                              " AND substr (\"%s\", 1, 10) > '%s'",
                                              sqlite3_column_text (cols, 0),
                                              sqlite3_column_text (cols, 1),
                                              sqlite3_column_text (cols, 1), today);

      g_assert_cmpint (desk_test_query_int (store, sql), ==, 0);
      checked++;
    }
  sqlite3_finalize (cols);
  g_assert_cmpint (checked, >, 100);
  /* The records reach today. */
  {
    g_autofree char *last = desk_test_query_text (store, "SELECT max (substr (at, 1, 10))"
                                                  " FROM consultations");

    g_assert_cmpstr (last, <=, today);
    g_assert_true (strncmp (last, today, 7) == 0);
  }
}

static void
test_numbers (void)
{
  g_autoptr(DeskStore) store = open_path (demo_path ());
  g_autoptr(GRegex) case_re = g_regex_new ("^（(\\d{4})）(.+)人调字第([1-9]\\d*)号$", 0, 0, NULL);
  g_autoptr(GRegex) zx_re = g_regex_new ("^ZX(\\d{4})-(\\d{4,6})$", 0, 0, NULL);
  g_autoptr(GRegex) fy_re = g_regex_new ("^FY(\\d{4})-(\\d{4,6})$", 0, 0, NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (desk_store_get_db (store),
                                       "SELECT m.number, m.year, m.seq, k.short_name, m.accepted_on"
                                       " FROM mediation_cases m JOIN committees k"
                                       " ON k.id = m.committee_id", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *year = NULL, *short_name = NULL, *seq = NULL;

      g_assert_true (g_regex_match (case_re, (const char *) sqlite3_column_text (stmt, 0), 0,
                                    &match));
      year = g_match_info_fetch (match, 1);
      short_name = g_match_info_fetch (match, 2);
      seq = g_match_info_fetch (match, 3);
      g_assert_cmpint (atoi (year), ==, sqlite3_column_int (stmt, 1));
      g_assert_true (g_str_has_prefix ((const char *) sqlite3_column_text (stmt, 4), year));
      g_assert_cmpstr (short_name, ==, (const char *) sqlite3_column_text (stmt, 3));
      g_assert_cmpint (atoi (seq), ==, sqlite3_column_int (stmt, 2));
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(DISTINCT number) = count(*)"
                                        " FROM mediation_cases"), ==, 1);

  g_assert_cmpint (sqlite3_prepare_v2 (desk_store_get_db (store),
                                       "SELECT number, year, seq, 0 FROM consultations UNION ALL"
                                       " SELECT number, year, seq, 1 FROM legal_aid", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *number = (const char *) sqlite3_column_text (stmt, 0);
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *year = NULL, *seq = NULL;

      g_assert_true (g_regex_match (sqlite3_column_int (stmt, 3) ? fy_re : zx_re, number, 0,
                                    &match));
      year = g_match_info_fetch (match, 1);
      seq = g_match_info_fetch (match, 2);
      g_assert_cmpint (atoi (year), ==, sqlite3_column_int (stmt, 1));
      g_assert_cmpint (atoi (seq), ==, sqlite3_column_int (stmt, 2));
      if (sqlite3_column_int (stmt, 3) == 0)
        g_assert_true (desk_consultation_parse_number (number, NULL, NULL));
    }
  sqlite3_finalize (stmt);

  /* Numbering continues after the demonstration's numbers. */
  g_assert_cmpint (desk_test_query_int (store,
                                        "SELECT count(*) FROM (SELECT 'consultation' AS scope,"
                                        " year, max (seq) AS m FROM consultations GROUP BY year"
                                        " UNION ALL SELECT 'legal_aid', year, max (seq) FROM"
                                        " legal_aid GROUP BY year UNION ALL SELECT 'case:' ||"
                                        " committee_id, year, max (seq) FROM mediation_cases"
                                        " GROUP BY committee_id, year) u LEFT JOIN sequences s"
                                        " ON s.scope = u.scope AND s.year = u.year"
                                        " WHERE s.last IS NOT u.m"), ==, 0);
}

static GArray *
live_ids (DeskStore  *store,
          const char *table)
{
  /* @table is one of our own table names. */
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE deleted_at IS NULL ORDER BY id",
                                          table);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (desk_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (ids->len, >, 0);
  return ids;
}

/* Every person and record passes the checks of the module that owns it,
 * as if a clerk opened it and saved it again (rolled back afterwards). */
static void
test_modules_accept (void)
{
  g_autoptr(DeskStore) store = open_path (demo_path ());
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  g_assert_true (desk_store_begin (store, &error));
#define EACH(table) \
  g_clear_pointer (&ids, g_array_unref); \
  ids = live_ids (store, table); \
  for (guint i = 0; i < ids->len; i++)
#define ID g_array_index (ids, gint64, i)

  EACH ("people")
    {
      g_autoptr(DeskPerson) p = desk_person_get (store, ID, &error);

      g_assert_no_error (error);
      desk_person_validate (store, p, &error);
      g_assert_no_error (error);
    }
  EACH ("consultations")
    {
      g_autoptr(DeskConsultation) c = desk_consultation_get (store, ID, &error);

      g_assert_no_error (error);
      desk_consultation_update (store, c, &error);
      g_assert_no_error (error);
    }
  EACH ("mediation_cases")
    {
      g_autoptr(DeskCase) c = desk_case_get (store, ID, &error);

      g_assert_no_error (error);
      desk_case_update (store, c, DESK_CASE_WRITE_DEFAULT, &error);
      g_assert_no_error (error);
    }
  EACH ("case_visits")
    {
      g_autoptr(DeskCaseVisit) v = desk_case_visit_get (store, ID, &error);

      g_assert_no_error (error);
      desk_case_visit_update (store, v, &error);
      g_assert_no_error (error);
    }
  EACH ("screenings")
    {
      g_autoptr(DeskScreening) s = desk_screening_get (store, ID, &error);

      g_assert_no_error (error);
      desk_screening_update (store, s, &error);
      g_assert_no_error (error);
    }
  EACH ("legal_aid")
    {
      g_autoptr(DeskLegalAid) a = desk_legal_aid_get (store, ID, &error);

      g_assert_no_error (error);
      desk_legal_aid_update (store, a, DESK_AID_CHECK_STRICT, &error);
      g_assert_no_error (error);
    }
  EACH ("adviser_services")
    {
      g_autoptr(DeskAdviserService) s = desk_adviser_service_get (store, ID, &error);

      g_assert_no_error (error);
      desk_adviser_service_update (store, s, &error);
      g_assert_no_error (error);
    }
  EACH ("adviser_assignments")
    {
      g_autoptr(DeskAdviserAssignment) a = desk_adviser_assignment_get (store, ID, &error);

      g_assert_no_error (error);
      desk_adviser_assignment_update (store, a, &error);
      g_assert_no_error (error);
    }
  EACH ("mediators")
    {
      g_autoptr(DeskMediator) m = desk_mediator_get (store, ID, &error);

      g_assert_no_error (error);
      desk_mediator_update (store, m, &error);
      g_assert_no_error (error);
    }
#undef EACH
#undef ID
  desk_store_rollback (store);
}

/* The township looks like one: its registers, and records in believable
 * proportions. */
static void
test_believable (void)
{
  g_autoptr(DeskStore) store = open_path (demo_path ());
  g_autofree char *county = desk_test_query_text (store, "SELECT value FROM settings"
                                                  " WHERE key = 'county'");
  g_autofree char *station = desk_test_query_text (store, "SELECT value FROM settings"
                                                   " WHERE key = 'station'");
  gint64 villages = count (store, "villages");
  gint64 closed, success, written;

  g_assert_cmpstr (county, ==, "青山县");
  g_assert_cmpstr (station, ==, "青山镇司法所");
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM settings WHERE key IN"
                                        " ('township', 'head', 'reviewer', 'clerk', 'phone')"),
                   ==, 5);
  g_assert_cmpint (villages, >=, 12);
  g_assert_cmpint (villages, <=, 20);
  /* One township committee, one per village, a trade committee; some
   * retired, as are some mediators, and about a fifth full-time. */
  g_assert_cmpint (count (store, "committees"), ==, villages + 2);
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM committees"
                                        " WHERE active_until IS NOT NULL"), >=, 2);
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM mediators"
                                        " WHERE active_until IS NOT NULL"), >, 0);
  g_assert_cmpint (desk_test_query_int (store, "SELECT 100 * sum (full_time) / count(*)"
                                        " FROM mediators WHERE active_until IS NULL"), >=, 12);
  g_assert_cmpint (desk_test_query_int (store, "SELECT 100 * sum (full_time) / count(*)"
                                        " FROM mediators WHERE active_until IS NULL"), <=, 30);
  /* Lawyers carry 17-digit licences; an adviser left mid-year. */
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM advisers a JOIN codes k"
                                        " ON k.id = a.practice_type_id WHERE k.label = '律师'"
                                        " AND (length (licence_number) <> 17 OR licence_number"
                                        " GLOB '*[^0-9]*')"), ==, 0);
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM advisers"
                                        " WHERE term_until LIKE '%-06-30'"), ==, 1);
  /* The holiday calendar of every year covered, make-up days included. */
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(DISTINCT substr (date, 1, 4))"
                                        " FROM holidays"), ==, 4);
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM holidays WHERE workday = 1"),
                   >, 4);
  g_assert_cmpint (desk_test_query_int (store, "SELECT workday FROM holidays"
                                        " WHERE date = '2026-02-14'"), ==, 1);

  /* Most cases succeed; most written agreements settle a sum. */
  closed = desk_test_query_int (store, "SELECT count(*) FROM mediation_cases"
                                " WHERE closed_on IS NOT NULL");
  success = desk_test_query_int (store, "SELECT count(*) FROM mediation_cases"
                                 " WHERE status = '调解成功'");
  written = desk_test_query_int (store, "SELECT count(*) FROM mediation_cases"
                                 " WHERE agreement_form = '书面'");
  g_assert_cmpint (success * 100, >, closed * 80);
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM mediation_cases"
                                        " WHERE agreement_form = '书面' AND agreement_amount > 0")
                   * 2, >, written);
  /* A case running past the 30-day limit, an application waiting past the
   * forwarding limit, as the dashboard shows them. */
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM mediation_cases"
                                        " WHERE closed_on IS NULL AND deleted_at IS NULL"
                                        " AND accepted_on < date ('2026-11-23', '-30 days')"), >, 0);
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM legal_aid"
                                        " WHERE forwarded_on IS NULL AND withdrawn_on IS NULL"
                                        " AND deleted_at IS NULL AND received_at"
                                        " < date ('2026-11-23', '-7 days')"), >, 0);
  /* Mediators of the case's own committee; linked records link both ways;
   * follow-up visits and deleted records exist. */
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM case_mediators cm"
                                        " JOIN mediation_cases c ON c.id = cm.case_id"
                                        " JOIN mediators m ON m.id = cm.mediator_id"
                                        " WHERE m.committee_id <> c.committee_id"), ==, 0);
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM mediation_cases c"
                                        " WHERE consultation_id IS NOT NULL AND NOT EXISTS"
                                        " (SELECT 1 FROM consultations k WHERE k.id ="
                                        " c.consultation_id AND k.case_id = c.id)"), ==, 0);
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM mediation_cases"
                                        " WHERE consultation_id IS NOT NULL"), >, 0);
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM legal_aid"
                                        " WHERE consultation_id IS NOT NULL"), >, 0);
  g_assert_cmpint (count (store, "case_visits"), >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (record_tables); i++)
    {
      /* One of our own table names. */
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s"
                                              " WHERE deleted_at IS NOT NULL", record_tables[i]);

      g_assert_cmpint (desk_test_query_int (store, sql), <, count (store, record_tables[i]) / 20);
    }
  g_assert_cmpint (desk_test_query_int (store, "SELECT (SELECT count(*) FROM consultations WHERE"
                                        " deleted_at IS NOT NULL) + (SELECT count(*) FROM"
                                        " mediation_cases WHERE deleted_at IS NOT NULL) +"
                                        " (SELECT count(*) FROM adviser_services WHERE"
                                        " deleted_at IS NOT NULL)"), >, 0);
  /* Weekdays mostly; returning visitors are common. */
  g_assert_cmpint (desk_test_query_int (store, "SELECT 100 * sum (strftime ('%w', at) NOT IN"
                                        " ('0', '6')) / count(*) FROM consultations"), >=, 90);
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(DISTINCT person_id) * 100 /"
                                        " count(person_id) FROM consultations"), <, 90);
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM people"
                                        " WHERE ethnicity IS NOT NULL AND ethnicity <> '汉族'"),
                   >, 0);
}

typedef struct
{
  gint64 last;
  int    calls;
} Progress;

static void
on_progress (gint64   done,
             gint64   total,
             gpointer user_data)
{
  Progress *p = user_data;

  g_assert_cmpint (done, >=, p->last);
  g_assert_cmpint (done, <=, total);
  p->last = done;
  p->calls++;
}

static void
test_core_api (void)
{
  g_autoptr(DeskStore) store = desk_test_open_store ("core-api.db");
  g_autoptr(DeskStore) other = desk_test_open_store ("core-api-village.db");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  DeskDemoSummary summary;
  Progress progress = { 0 };

  /* Cancelled: nothing is left behind. */
  g_cancellable_cancel (cancellable);
  g_assert_false (desk_demo_generate (store, 3000, 1, NULL, NULL, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpint (count (store, "villages"), ==, 0);
  g_assert_cmpint (desk_store_count_records (store), ==, 0);

  g_assert_true (desk_demo_generate (store, 3000, 1, on_progress, &progress, NULL, &summary,
                                     &error));
  g_assert_no_error (error);
  g_assert_cmpint (progress.last, ==, 3000);
  g_assert_cmpint (progress.calls, >=, 2);
  g_assert_cmpint (summary.consultations + summary.cases + summary.screenings +
                   summary.legal_aid + summary.services, ==, 3000);
  g_assert_cmpint (summary.cases, ==, count (store, "mediation_cases"));
  g_assert_cmpint (summary.people, ==, count (store, "people"));
  g_assert_cmpint (summary.deleted, ==,
                   desk_test_query_int (store, "SELECT (SELECT count(*) FROM consultations"
                                        " WHERE deleted_at IS NOT NULL) + (SELECT count(*) FROM"
                                        " mediation_cases WHERE deleted_at IS NOT NULL) + (SELECT"
                                        " count(*) FROM screenings WHERE deleted_at IS NOT NULL)"
                                        " + (SELECT count(*) FROM legal_aid WHERE deleted_at IS"
                                        " NOT NULL) + (SELECT count(*) FROM adviser_services"
                                        " WHERE deleted_at IS NOT NULL)"));
  g_assert_cmpstr (summary.last_date, <=, g_getenv ("LEGALDESK_TODAY"));
  g_assert_cmpstr (summary.first_date, <, summary.last_date);
  /* The file is back to full durability. */
  g_assert_cmpint (desk_test_query_int (store, "PRAGMA synchronous"), ==, 2);

  /* Refused: a ledger with records, or with registers of its own. */
  g_assert_false (desk_demo_generate (store, 10, 1, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (desk_store_count_records (store), ==, 3000);

  desk_test_exec (other, "INSERT INTO villages (name, kind, created_at, updated_at)"
                         " VALUES ('河东村', '村', 't', 't')");
  g_assert_false (desk_demo_generate (other, 10, 1, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "村"));
  g_clear_error (&error);
  g_assert_cmpint (count (other, "villages"), ==, 1);

  /* A count out of range is a field error. */
  g_assert_false (desk_demo_generate (other, -1, 1, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("LEGALDESK_LOCALEDIR");
  int status;

  /* The checks below know the calendar of the four years up to this day. */
  g_setenv ("LEGALDESK_TODAY", "2026-11-23", TRUE);
  desk_test_init (&argc, &argv);
  /* Messages are read as the user reads them, in Chinese. */
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/demo/cli", test_cli_demo);
  g_test_add_func ("/demo/cli-default-path", test_cli_default_path);
  g_test_add_func ("/demo/cli-bad-arguments", test_cli_bad_arguments);
  g_test_add_func ("/demo/reproducible", test_reproducible);
  g_test_add_func ("/demo/id-numbers", test_id_numbers);
  g_test_add_func ("/demo/no-date-after-today", test_no_date_after_today);
  g_test_add_func ("/demo/numbers", test_numbers);
  g_test_add_func ("/demo/modules-accept", test_modules_accept);
  g_test_add_func ("/demo/believable", test_believable);
  g_test_add_func ("/demo/core-api", test_core_api);

  status = g_test_run ();
  g_free (demo_db);
  return status;
}
