/* test-figure-months.c — the kept figures of past months (figure_months).
 *
 * A year-to-date figure is the sum of the figures of its months, and the
 * months are kept in the ledger between computations.  These tests hold the
 * kept months to one rule: a report computed from them is the report
 * computed from the records alone.  Every write that could change a month's
 * figures must forget it: a record edited in that month, a holiday, a code
 * table's mapping; and a connection that may not write only computes.
 */
#include "config.h"

#include <string.h>

#include "desk-demo.h"
#include "desk-figures.h"
#include "desk-history.h"
#include "desk-test-util.h"

static char *
serialize (DeskStore *store,
           int        year,
           int        month)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskReport) report = desk_figures_compute (store, year, month, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return desk_history_serialize (report);
}

/* The report computed from the records alone: nothing kept. */
static char *
serialize_cold (DeskStore *store,
                int        year,
                int        month)
{
  desk_test_exec (store, "DELETE FROM figure_months");
  return serialize (store, year, month);
}

static gint64
kept (DeskStore  *store,
      const char *month)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM figure_months"
                                          " WHERE month = '%s'", month);

  return desk_test_query_int (store, sql);
}

static DeskStore *
open_demo (const char *name)
{
  g_autoptr(GError) error = NULL;
  DeskStore *store = desk_test_open_store (name);

  g_assert_true (desk_demo_generate (store, 6000, 7, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return store;
}

/* A cold and a warm computation of the demo township agree, month by
 * month, and the warm one reads what the cold one kept. */
static void
test_cold_and_warm (void)
{
  g_autoptr(DeskStore) store = open_demo ("figure-months-demo.db");
  const int months[] = { 10, 1, 12, 6 };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      g_autofree char *cold = serialize_cold (store, 2026, months[i]);
      g_autofree char *warm = NULL;

      if (months[i] > 1)
        g_assert_cmpint (kept (store, "2026-01"), >, 0);
      g_assert_cmpint (kept (store, "2025-01"), >, 0);   /* 去年同期累计 */
      warm = serialize (store, 2026, months[i]);
      g_assert_cmpstr (warm, ==, cold);
    }

  /* Another month's report reads months kept for the first. */
  {
    g_autofree char *warm = NULL;
    g_autofree char *cold = NULL;

    desk_test_exec (store, "DELETE FROM figure_months");
    g_free (serialize (store, 2026, 10));
    warm = serialize (store, 2026, 11);
    cold = serialize_cold (store, 2026, 11);
    g_assert_cmpstr (warm, ==, cold);
  }
}

/* Editing or deleting a record forgets the months of its dates, before
 * and after, and only those. */
static void
test_record_edit (void)
{
  g_autoptr(DeskStore) store = open_demo ("figure-months-record.db");
  g_autofree char *before = serialize_cold (store, 2026, 10);
  g_autofree char *after = NULL;
  g_autofree char *cold = NULL;
  gint64 id;

  g_assert_cmpint (kept (store, "2026-03"), >, 0);
  g_assert_cmpint (kept (store, "2026-05"), >, 0);
  g_assert_cmpint (kept (store, "2026-07"), >, 0);

  /* A consultation of March moved to May. */
  id = desk_test_query_int (store, "SELECT min(id) FROM consultations WHERE deleted_at IS NULL"
                                   " AND at >= '2026-03-01' AND at < '2026-04-01'");
  g_assert_cmpint (id, >, 0);
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE consultations SET at = '2026-05-12 09:30'"
                                            " WHERE id = %" G_GINT64_FORMAT, id);

    desk_test_exec (store, sql);
  }
  g_assert_cmpint (kept (store, "2026-03"), ==, 0);
  g_assert_cmpint (kept (store, "2026-05"), ==, 0);
  g_assert_cmpint (kept (store, "2026-07"), >, 0);

  /* The year to date is the same; 2026-05 and 2026-03 are recomputed. */
  after = serialize (store, 2026, 10);
  cold = serialize_cold (store, 2026, 10);
  g_assert_cmpstr (after, ==, cold);

  /* A case closed in July, deleted: 本年累计 of 办结 changes. */
  id = desk_test_query_int (store, "SELECT min(id) FROM mediation_cases WHERE deleted_at IS NULL"
                                   " AND closed_on >= '2026-07-01' AND closed_on < '2026-08-01'");
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (kept (store, "2026-07"), >, 0);
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE mediation_cases SET deleted_at = "
                                            "'2026-11-01 10:00:00' WHERE id = %"
                                            G_GINT64_FORMAT, id);

    desk_test_exec (store, sql);
  }
  g_assert_cmpint (kept (store, "2026-07"), ==, 0);
  g_clear_pointer (&after, g_free);
  g_clear_pointer (&cold, g_free);
  after = serialize (store, 2026, 10);
  g_assert_cmpstr (after, !=, before);
  cold = serialize_cold (store, 2026, 10);
  g_assert_cmpstr (after, ==, cold);

  /* A new legal-aid application received in February. */
  g_clear_pointer (&before, g_free);
  before = g_strdup (after);
  g_assert_cmpint (kept (store, "2026-02"), >, 0);
  desk_test_exec (store, "INSERT INTO legal_aid (number, year, seq, received_at, receiver_id,"
                         " person_id, sex, matter_type_id, matter_id, status, created_at,"
                         " updated_at) SELECT 'FY2026-9999', 2026, 9999, '2026-02-10 10:00',"
                         " receiver_id, person_id, '女', matter_type_id, matter_id, '材料待补',"
                         " created_at, updated_at FROM legal_aid ORDER BY id LIMIT 1");
  g_assert_cmpint (kept (store, "2026-02"), ==, 0);
  g_clear_pointer (&after, g_free);
  g_clear_pointer (&cold, g_free);
  after = serialize (store, 2026, 10);
  g_assert_cmpstr (after, !=, before);
  cold = serialize_cold (store, 2026, 10);
  g_assert_cmpstr (after, ==, cold);
}

/* A holiday, a code table's mapping and a setting forget every month. */
static void
test_registers (void)
{
  g_autoptr(DeskStore) store = open_demo ("figure-months-registers.db");
  g_autofree char *before = serialize_cold (store, 2026, 10);
  g_autofree char *after = NULL;
  g_autofree char *cold = NULL;
  g_autofree char *label = NULL;

  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM figure_months"), >, 0);
  desk_test_exec (store, "INSERT INTO holidays (date, workday, note)"
                         " VALUES ('2026-03-10', 0, '假日')");
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM figure_months"), ==, 0);
  after = serialize (store, 2026, 10);
  cold = serialize_cold (store, 2026, 10);
  g_assert_cmpstr (after, ==, cold);

  /* The dispute type counted most this year, moved to 其他纠纷. */
  label = desk_test_query_text (store, "SELECT label FROM codes k WHERE kind = 'dispute_type'"
                                       " AND report_row <> '其他纠纷' ORDER BY (SELECT count(*)"
                                       " FROM mediation_cases c WHERE c.dispute_type_id = k.id"
                                       " AND c.accepted_on >= '2026-01-01') DESC LIMIT 1");
  g_assert_nonnull (label);
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM figure_months"), >, 0);
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE codes SET report_row = '其他纠纷'"
                                            " WHERE kind = 'dispute_type' AND label = '%s'",
                                            label);

    desk_test_exec (store, sql);
  }
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM figure_months"), ==, 0);
  g_clear_pointer (&after, g_free);
  g_clear_pointer (&cold, g_free);
  after = serialize (store, 2026, 10);
  g_assert_cmpstr (after, !=, before);
  cold = serialize_cold (store, 2026, 10);
  g_assert_cmpstr (after, ==, cold);

  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM figure_months"), >, 0);
  desk_test_exec (store, "INSERT INTO settings (key, value) VALUES ('aid-limit-days', '3')"
                         " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM figure_months"), ==, 0);
}

/* A read-only connection computes the same report and keeps nothing. */
static void
test_read_only (void)
{
  g_autoptr(DeskStore) store = open_demo ("figure-months-read-only.db");
  g_autofree char *cold = serialize_cold (store, 2026, 10);
  g_autofree char *path = desk_test_path ("figure-months-read-only.db");
  g_autoptr(DeskStore) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *read = NULL;

  desk_test_exec (store, "DELETE FROM figure_months");
  reader = desk_store_open (path, DESK_STORE_OPEN_READONLY, &error);
  g_assert_no_error (error);
  read = serialize (reader, 2026, 10);
  g_assert_cmpstr (read, ==, cold);
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM figure_months"), ==, 0);
}

/* A kept month is read straight from its bytes when they are GVariant's
 * normal form, else through GVariant: damaged bytes give wrong figures
 * (until the month is forgotten), never a crash or a failed report. */
static void
test_damaged (void)
{
  g_autoptr(DeskStore) store = open_demo ("figure-months-damaged.db");
  const char *damage[] = {
    "UPDATE figure_months SET buckets = substr (buckets, 1, length (buckets) - 1)"
    " WHERE length (buckets) > 1",
    "UPDATE figure_months SET buckets = substr (buckets, 1, length (buckets) / 2)"
    " WHERE length (buckets) > 1",
    "UPDATE figure_months SET buckets = substr (buckets, 2) WHERE length (buckets) > 1",
    "UPDATE figure_months SET buckets = CAST (buckets || x'00' AS BLOB)",
    "UPDATE figure_months SET buckets = x'ff'",
    "UPDATE figure_months SET buckets = zeroblob (64)",
    "UPDATE figure_months SET buckets = x'ffffffffffffffffffffffffffffffffffffffff'",
    "UPDATE figure_months SET buckets = x'0000000000000000000000000000000011'",
  };

  for (guint i = 0; i < G_N_ELEMENTS (damage); i++)
    {
      g_autofree char *cold = serialize_cold (store, 2026, 10);
      g_autofree char *warm = NULL;

      g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM figure_months"), >, 0);
      desk_test_exec (store, damage[i]);
      warm = serialize (store, 2026, 10);
      g_assert_nonnull (warm);
      /* Forgotten, the month is right again. */
      g_clear_pointer (&warm, g_free);
      warm = serialize_cold (store, 2026, 10);
      g_assert_cmpstr (warm, ==, cold);
    }
}

int
main (int    argc,
      char **argv)
{
  desk_test_init (&argc, &argv);

  g_test_add_func ("/figure-months/cold-and-warm", test_cold_and_warm);
  g_test_add_func ("/figure-months/record-edit", test_record_edit);
  g_test_add_func ("/figure-months/registers", test_registers);
  g_test_add_func ("/figure-months/read-only", test_read_only);
  g_test_add_func ("/figure-months/damaged", test_damaged);
  return g_test_run ();
}
