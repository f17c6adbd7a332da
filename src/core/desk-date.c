/* desk-date.c — parsing, checking and counting calendar dates.
 *
 * GDate does the calendar; this file adds the forms the ledgers use
 * (2026-11-22, 20261122, 11-22, 2026/11/22, 2026年11月22日) and the
 * program's notion of "today".
 */
#define G_LOG_DOMAIN "desk-date"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk-date.h"

static gboolean
ymd_valid (int year,
           int month,
           int day)
{
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         g_date_valid_dmy (day, month, year);
}

static char *
format_ymd (int year,
            int month,
            int day)
{
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* Reads a run of ASCII digits of at most @max characters. */
static const char *
read_number (const char *p,
             int         max,
             int        *value)
{
  int n = 0;
  int v = 0;

  while (n < max && g_ascii_isdigit (p[n]))
    {
      v = v * 10 + (p[n] - '0');
      n++;
    }
  if (n == 0)
    return NULL;
  *value = v;
  return p + n;
}

/**
 * desk_today:
 *
 * Returns: (transfer full): today's date, "YYYY-MM-DD"; LEGALDESK_TODAY wins
 *   when it holds a valid date.
 */
char *
desk_today (void)
{
  const char *env = g_getenv ("LEGALDESK_TODAY");
  g_autoptr(GDateTime) now = NULL;

  if (env != NULL && desk_date_valid (env))
    return g_strdup (env);

  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * desk_now:
 *
 * Returns: (transfer full): "YYYY-MM-DD HH:MM" now; under LEGALDESK_TODAY the
 *   date is that day and the time is the clock's.
 */
char *
desk_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = desk_today ();
  g_autofree char *time = g_date_time_format (now, "%H:%M");

  return g_strdup_printf ("%s %s", today, time);
}

int
desk_today_year (void)
{
  g_autofree char *today = desk_today ();

  return atoi (today);
}

/**
 * desk_date_valid:
 *
 * Whether @text is exactly a real date written "YYYY-MM-DD".
 */
gboolean
desk_date_valid (const char *text)
{
  int y, m, d;

  return desk_date_to_ymd (text, &y, &m, &d);
}

/**
 * desk_datetime_valid:
 *
 * Whether @text is exactly "YYYY-MM-DD HH:MM" with a real date and time.
 */
gboolean
desk_datetime_valid (const char *text)
{
  g_autofree char *date = NULL;

  if (text == NULL || strlen (text) != 16 || text[10] != ' ' || text[13] != ':')
    return FALSE;
  if (!g_ascii_isdigit (text[11]) || !g_ascii_isdigit (text[12]) ||
      !g_ascii_isdigit (text[14]) || !g_ascii_isdigit (text[15]))
    return FALSE;
  if ((text[11] - '0') * 10 + (text[12] - '0') > 23 ||
      (text[14] - '0') * 10 + (text[15] - '0') > 59)
    return FALSE;

  date = g_strndup (text, 10);
  return desk_date_valid (date);
}

gboolean
desk_date_to_ymd (const char *date,
                  int        *year,
                  int        *month,
                  int        *day)
{
  int i;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  for (i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;

  *year = atoi (date);
  *month = atoi (date + 5);
  *day = atoi (date + 8);
  return ymd_valid (*year, *month, *day);
}

/**
 * desk_date_parse:
 * @text: what the user typed
 * @default_year: the year for "MM-DD" (0: the current year)
 *
 * Accepts 2026-11-22, 2026-1-2, 20261122, 11-22, 2026/11/22, 2026.11.22 and
 * 2026年11月22日, with surrounding spaces.
 *
 * Returns: (transfer full) (nullable): "YYYY-MM-DD", or %NULL when @text is
 *   not a real date.
 */
char *
desk_date_parse (const char *text,
                 int         default_year)
{
  g_autofree char *s = NULL;
  const char *p;
  int a, b, c;
  size_t len;

  if (text == NULL)
    return NULL;
  s = g_strstrip (g_strdup (text));
  len = strlen (s);
  if (len == 0)
    return NULL;

  /* 20261122 */
  if (len == 8 && strspn (s, "0123456789") == 8)
    {
      a = atoi (s) / 10000;
      b = atoi (s) / 100 % 100;
      c = atoi (s) % 100;
      return ymd_valid (a, b, c) ? format_ymd (a, b, c) : NULL;
    }

  p = read_number (s, 4, &a);
  if (p == NULL)
    return NULL;

  /* 2026年11月22日 */
  if (p - s == 4 && g_str_has_prefix (p, "年"))
    {
      p = read_number (p + strlen ("年"), 2, &b);
      if (p == NULL || !g_str_has_prefix (p, "月"))
        return NULL;
      p = read_number (p + strlen ("月"), 2, &c);
      if (p == NULL || !(g_str_equal (p, "日") || *p == '\0'))
        return NULL;
      return ymd_valid (a, b, c) ? format_ymd (a, b, c) : NULL;
    }

  if (*p != '-' && *p != '/' && *p != '.')
    return NULL;

  /* MM-DD in the default year */
  if (p - s <= 2)
    {
      char sep = *p;

      p = read_number (p + 1, 2, &c);
      if (p == NULL || *p != '\0' || sep != '-')
        return NULL;
      b = a;
      a = default_year > 0 ? default_year : desk_today_year ();
      return ymd_valid (a, b, c) ? format_ymd (a, b, c) : NULL;
    }

  if (p - s != 4)
    return NULL;
  {
    char sep = *p;

    p = read_number (p + 1, 2, &b);
    if (p == NULL || *p != sep)
      return NULL;
    p = read_number (p + 1, 2, &c);
    if (p == NULL || *p != '\0')
      return NULL;
  }
  return ymd_valid (a, b, c) ? format_ymd (a, b, c) : NULL;
}

/**
 * desk_datetime_parse:
 *
 * Accepts "YYYY-MM-DD HH:MM", "YYYY/M/D H:MM" (as Excel writes it), an
 * optional ":SS" that must be zero, and a date alone (time 00:00).
 *
 * Returns: (transfer full) (nullable): "YYYY-MM-DD HH:MM" or %NULL.
 */
char *
desk_datetime_parse (const char *text)
{
  g_autofree char *s = NULL;
  g_autofree char *date = NULL;
  char *space;
  const char *p;
  int h, m, sec = 0;

  if (text == NULL)
    return NULL;
  s = g_strstrip (g_strdup (text));
  space = strchr (s, ' ');
  if (space == NULL)
    {
      date = desk_date_parse (s, -1);
      return date ? g_strdup_printf ("%s 00:00", date) : NULL;
    }

  *space = '\0';
  date = desk_date_parse (s, -1);
  if (date == NULL)
    return NULL;
  p = space + 1;
  while (*p == ' ')
    p++;
  p = read_number (p, 2, &h);
  if (p == NULL || *p != ':')
    return NULL;
  p = read_number (p + 1, 2, &m);
  if (p == NULL)
    return NULL;
  if (*p == ':')
    {
      p = read_number (p + 1, 2, &sec);
      if (p == NULL)
        return NULL;
    }
  if (*p != '\0' || h > 23 || m > 59 || sec > 59)
    return NULL;

  return g_strdup_printf ("%s %02d:%02d", date, h, m);
}

DeskDay
desk_date_to_day (const char *date)
{
  int y, m, d;
  GDate g;

  if (!desk_date_to_ymd (date, &y, &m, &d))
    return 0;
  g_date_clear (&g, 1);
  g_date_set_dmy (&g, d, m, y);
  return (DeskDay) g_date_get_julian (&g);
}

char *
desk_day_to_date (DeskDay day)
{
  GDate g;

  g_return_val_if_fail (day > 0, NULL);
  g_date_clear (&g, 1);
  g_date_set_julian (&g, (guint32) day);
  return format_ymd (g_date_get_year (&g), g_date_get_month (&g), g_date_get_day (&g));
}

char *
desk_date_add_days (const char *date,
                    int         days)
{
  DeskDay day = desk_date_to_day (date);

  g_return_val_if_fail (day > 0, NULL);
  return desk_day_to_date (day + days);
}

/**
 * desk_date_weekday:
 *
 * Returns: 1 (Monday) to 7 (Sunday), or 0 for an invalid date.
 */
int
desk_date_weekday (const char *date)
{
  int y, m, d;
  GDate g;

  if (!desk_date_to_ymd (date, &y, &m, &d))
    return 0;
  g_date_clear (&g, 1);
  g_date_set_dmy (&g, d, m, y);
  return g_date_get_weekday (&g);
}

int
desk_days_in_month (int year,
                    int month)
{
  return g_date_get_days_in_month (month, year);
}

void
desk_month_bounds (int    year,
                   int    month,
                   char **first,
                   char **last)
{
  if (first)
    *first = format_ymd (year, month, 1);
  if (last)
    *last = format_ymd (year, month, desk_days_in_month (year, month));
}

/**
 * desk_month_parse:
 *
 * Reads "YYYY-MM" (also "YYYY-M" and "YYYYMM").
 */
gboolean
desk_month_parse (const char *text,
                  int        *year,
                  int        *month)
{
  const char *p;
  int y, m;

  if (text == NULL)
    return FALSE;
  if (strlen (text) == 6 && strspn (text, "0123456789") == 6)
    {
      y = atoi (text) / 100;
      m = atoi (text) % 100;
    }
  else
    {
      p = read_number (text, 4, &y);
      if (p == NULL || p - text != 4 || (*p != '-' && *p != '/'))
        return FALSE;
      p = read_number (p + 1, 2, &m);
      if (p == NULL || *p != '\0')
        return FALSE;
    }
  if (y < 1900 || y > 9999 || m < 1 || m > 12)
    return FALSE;
  *year = y;
  *month = m;
  return TRUE;
}

/**
 * desk_age_on:
 *
 * Completed years of someone born on @birth_date on @on_date.  Someone born
 * on 29 February turns a year older on 1 March in common years.
 *
 * Returns: the age, or -1 when either date is missing or invalid.
 */
int
desk_age_on (const char *birth_date,
             const char *on_date)
{
  int by, bm, bd, y, m, d, age;

  if (!desk_date_to_ymd (birth_date, &by, &bm, &bd) ||
      !desk_date_to_ymd (on_date, &y, &m, &d))
    return -1;

  age = y - by;
  /* Comparing (month, day) pairs makes 02-29 birthdays fall on 03-01 in
   * common years: 02-28 < 02-29 there. */
  if (m < bm || (m == bm && d < bd))
    age--;
  return age;
}
