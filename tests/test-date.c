/* test-date.c — dates as the ledgers write them, and "today". */
#include "config.h"

#include "desk-date.h"
#include "desk-test-util.h"

static void
test_parse_forms (void)
{
  const struct { const char *in; const char *out; } cases[] = {
    { "2026-11-22", "2026-11-22" },
    { " 2026-11-22 ", "2026-11-22" },
    { "20261122", "2026-11-22" },
    { "2026/1/2", "2026-01-02" },
    { "2026-1-2", "2026-01-02" },
    { "2026.11.22", "2026-11-22" },
    { "2026年11月22日", "2026-11-22" },
    { "2026年1月2日", "2026-01-02" },
    { "11-22", "2025-11-22" },
    { "2024-02-29", "2024-02-29" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = desk_date_parse (cases[i].in, 2025);
      g_assert_cmpstr (got, ==, cases[i].out);
    }
}

static void
test_parse_rejects (void)
{
  const char *bad[] = { "", "   ", "2026-13-01", "2026-02-30", "2025-02-29", "20261322",
                        "2026/11-22", "2026年11月", "abc", "2026-11-22x", "11/22", "0000-01-01",
                        "2026年11月32日", "2026--11-22", "１２３" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *got = desk_date_parse (bad[i], 2026);
      if (got != NULL)
        g_error ("“%s” parsed as %s", bad[i], got);
    }
  g_assert_null (desk_date_parse (NULL, 2026));
}

static void
test_datetime (void)
{
  g_autofree char *a = desk_datetime_parse ("2026/3/5 9:07");
  g_autofree char *b = desk_datetime_parse ("2026-03-05");
  g_autofree char *c = desk_datetime_parse ("2026-03-05 09:07:00");
  g_autofree char *d = desk_datetime_parse ("2026-03-05 24:00");
  g_autofree char *e = desk_datetime_parse ("2026-03-05 9:60");

  g_assert_cmpstr (a, ==, "2026-03-05 09:07");
  g_assert_cmpstr (b, ==, "2026-03-05 00:00");
  g_assert_cmpstr (c, ==, "2026-03-05 09:07");
  g_assert_null (d);
  g_assert_null (e);
  g_assert_true (desk_datetime_valid ("2026-03-05 09:07"));
  g_assert_false (desk_datetime_valid ("2026-03-05 9:07"));
  g_assert_false (desk_datetime_valid ("2026-02-30 09:07"));
}

static void
test_arithmetic (void)
{
  g_autofree char *next = desk_date_add_days ("2026-12-31", 1);
  g_autofree char *prev = desk_date_add_days ("2024-03-01", -1);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  int y, m;

  g_assert_cmpstr (next, ==, "2027-01-01");
  g_assert_cmpstr (prev, ==, "2024-02-29");
  g_assert_cmpint (desk_date_weekday ("2026-11-23"), ==, 1);  /* a Monday */
  g_assert_cmpint (desk_date_weekday ("2026-11-22"), ==, 7);
  desk_month_bounds (2026, 2, &first, &last);
  g_assert_cmpstr (first, ==, "2026-02-01");
  g_assert_cmpstr (last, ==, "2026-02-28");
  g_assert_true (desk_month_parse ("2026-11", &y, &m));
  g_assert_cmpint (y, ==, 2026);
  g_assert_cmpint (m, ==, 11);
  g_assert_true (desk_month_parse ("202603", &y, &m));
  g_assert_cmpint (m, ==, 3);
  g_assert_false (desk_month_parse ("2026-13", &y, &m));
  g_assert_false (desk_month_parse ("2026", &y, &m));
}

static void
test_age (void)
{
  g_assert_cmpint (desk_age_on ("1966-11-23", "2026-11-23"), ==, 60);
  g_assert_cmpint (desk_age_on ("1966-11-24", "2026-11-23"), ==, 59);
  g_assert_cmpint (desk_age_on ("2008-11-24", "2026-11-23"), ==, 17);
  /* Born on 29 February: a year older on 1 March in common years. */
  g_assert_cmpint (desk_age_on ("2008-02-29", "2026-02-28"), ==, 17);
  g_assert_cmpint (desk_age_on ("2008-02-29", "2026-03-01"), ==, 18);
  g_assert_cmpint (desk_age_on ("2008-02-29", "2028-02-29"), ==, 20);
  g_assert_cmpint (desk_age_on (NULL, "2026-03-01"), ==, -1);
  g_assert_cmpint (desk_age_on ("2008-02-30", "2026-03-01"), ==, -1);
}

static void
test_today (void)
{
  g_autofree char *today = NULL;
  g_autofree char *now = NULL;

  g_setenv ("LEGALDESK_TODAY", "2025-01-31", TRUE);
  today = desk_today ();
  now = desk_now ();
  g_assert_cmpstr (today, ==, "2025-01-31");
  g_assert_true (g_str_has_prefix (now, "2025-01-31 "));
  g_assert_true (desk_datetime_valid (now));
  g_assert_cmpint (desk_today_year (), ==, 2025);

  /* An invalid value is ignored: the clock's date is used. */
  g_setenv ("LEGALDESK_TODAY", "2025-02-30", TRUE);
  g_clear_pointer (&today, g_free);
  today = desk_today ();
  g_assert_true (desk_date_valid (today));
  g_assert_cmpstr (today, !=, "2025-02-30");
}

int
main (int    argc,
      char **argv)
{
  desk_test_init (&argc, &argv);

  g_test_add_func ("/date/parse/forms", test_parse_forms);
  g_test_add_func ("/date/parse/rejects", test_parse_rejects);
  g_test_add_func ("/date/datetime", test_datetime);
  g_test_add_func ("/date/arithmetic", test_arithmetic);
  g_test_add_func ("/date/age", test_age);
  g_test_add_func ("/date/today", test_today);

  return g_test_run ();
}
