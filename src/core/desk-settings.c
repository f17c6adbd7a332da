/* desk-settings.c — station settings (key/value with defaults and ranges)
 * and the holiday calendar that working-day limits count by.
 */
#define G_LOG_DOMAIN "desk-settings"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "desk-date.h"
#include "desk-settings.h"

static const DeskSettingInfo keys[] = {
  { "county", N_("County"), NULL, 0, 0 },
  { "township", N_("Township"), NULL, 0, 0 },
  { "station", N_("Station"), NULL, 0, 0 },
  { "head", N_("Head of station"), NULL, 0, 0 },
  { "reviewer", N_("Reviewer"), NULL, 0, 0 },
  { "clerk", N_("Prepared by"), NULL, 0, 0 },
  { "phone", N_("Contact phone"), NULL, 0, 0 },
  { "aid-limit-days", N_("Legal-aid forwarding limit (working days)"), "3", 0, 60 },
  { "adviser-min-visits", N_("Adviser on-site services per month"), "1", 0, 31 },
  { "adviser-min-hours", N_("Adviser on-site hours per month"), "4", 0, 200 },
  { "mediation-limit-days", N_("Mediation time limit (days)"), "30", 1, 365 },
  { "follow-up-days", N_("Follow-up visit after (days)"), "15", 1, 365 },
  { "report-due-day", N_("Report due on day of next month"), "5", 1, 28 },
};

const DeskSettingInfo *
desk_settings_keys (guint *n_keys)
{
  *n_keys = G_N_ELEMENTS (keys);
  return keys;
}

const DeskSettingInfo *
desk_settings_find_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_strcmp0 (keys[i].key, key) == 0)
      return &keys[i];
  return NULL;
}

/**
 * desk_settings_get:
 *
 * Returns: (transfer full) (nullable): the value, the default when unset,
 *   or %NULL for an unset text setting.
 */
char *
desk_settings_get (DeskStore  *store,
                   const char *key)
{
  const DeskSettingInfo *info = desk_settings_find_key (key);
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (info != NULL, NULL);

  stmt = desk_store_prepare (store, "SELECT value FROM settings WHERE key = ?1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        value = desk_sql_dup_text (stmt, 0);
      sqlite3_reset (stmt);
    }
  if (value == NULL && info->default_value != NULL)
    value = g_strdup (info->default_value);
  return value;
}

int
desk_settings_get_int (DeskStore  *store,
                       const char *key)
{
  g_autofree char *value = desk_settings_get (store, key);

  return value ? atoi (value) : 0;
}

/**
 * desk_settings_set:
 * @value: (nullable): the new value; empty or %NULL clears it (back to the
 *   default)
 */
gboolean
desk_settings_set (DeskStore   *store,
                   const char  *key,
                   const char  *value,
                   GError     **error)
{
  const DeskSettingInfo *info = desk_settings_find_key (key);
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;

  if (info == NULL)
    {
      g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
                   _("There is no setting “%s”."), key);
      return FALSE;
    }
  clean = value ? g_strstrip (g_strdup (value)) : g_strdup ("");

  if (info->min != 0 || info->max != 0)
    {
      char *end = NULL;
      gint64 n;

      if (*clean != '\0')
        {
          n = g_ascii_strtoll (clean, &end, 10);
          if (end == clean || *end != '\0' || n < info->min || n > info->max)
            {
              desk_set_field_error (error, _(info->title),
                                    _("enter a whole number from %d to %d"),
                                    info->min, info->max);
              return FALSE;
            }
          g_free (clean);
          clean = g_strdup_printf ("%" G_GINT64_FORMAT, n);
        }
    }

  if (!desk_store_begin (store, error))
    return FALSE;
  if (*clean == '\0')
    stmt = desk_store_prepare (store, "DELETE FROM settings WHERE key = ?1", error);
  else
    stmt = desk_store_prepare (store,
                               "INSERT INTO settings (key, value) VALUES (?1, ?2)"
                               " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                               error);
  if (stmt == NULL)
    {
      desk_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (*clean != '\0')
    sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error))
    {
      desk_store_rollback (store);
      return FALSE;
    }
  return desk_store_commit (store, error);
}

void
desk_holiday_free (DeskHoliday *holiday)
{
  if (holiday == NULL)
    return;
  g_free (holiday->date);
  g_free (holiday->note);
  g_free (holiday);
}

gboolean
desk_holidays_add (DeskStore   *store,
                   const char  *date,
                   gboolean     workday,
                   const char  *note,
                   GError     **error)
{
  g_autofree char *day = desk_date_parse (date, 0);
  sqlite3_stmt *stmt;

  if (day == NULL)
    {
      desk_set_field_error (error, _("Date"), _("“%s” is not a date; write it as 2026-10-01"),
                            date ? date : "");
      return FALSE;
    }
  if (!desk_store_begin (store, error))
    return FALSE;
  stmt = desk_store_prepare (store,
                             "INSERT INTO holidays (date, workday, note) VALUES (?1, ?2, ?3)"
                             " ON CONFLICT (date) DO UPDATE SET workday = excluded.workday,"
                             " note = excluded.note", error);
  if (stmt == NULL)
    {
      desk_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, workday ? 1 : 0);
  desk_sql_bind_text_or_null (stmt, 3, note);
  if (!desk_store_step_done (store, stmt, error))
    {
      desk_store_rollback (store);
      return FALSE;
    }
  return desk_store_commit (store, error);
}

gboolean
desk_holidays_remove (DeskStore   *store,
                      const char  *date,
                      GError     **error)
{
  g_autofree char *day = desk_date_parse (date, 0);
  sqlite3_stmt *stmt;

  if (day == NULL)
    {
      desk_set_field_error (error, _("Date"), _("“%s” is not a date; write it as 2026-10-01"),
                            date ? date : "");
      return FALSE;
    }
  if (!desk_store_begin (store, error))
    return FALSE;
  stmt = desk_store_prepare (store, "DELETE FROM holidays WHERE date = ?1", error);
  if (stmt == NULL)
    {
      desk_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error))
    {
      desk_store_rollback (store);
      return FALSE;
    }
  if (sqlite3_changes (desk_store_get_db (store)) == 0)
    {
      desk_store_rollback (store);
      g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
                   _("%s is not in the holiday calendar."), day);
      return FALSE;
    }
  return desk_store_commit (store, error);
}

/**
 * desk_holidays_list:
 * @year: only this year, or 0 for all
 *
 * Returns: (transfer full) (element-type DeskHoliday): by date.
 */
GPtrArray *
desk_holidays_list (DeskStore *store,
                    int        year)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_holiday_free);
  sqlite3_stmt *stmt;

  stmt = desk_store_prepare (store,
                             "SELECT date, workday, note FROM holidays"
                             " WHERE ?1 = 0 OR substr (date, 1, 4) = printf ('%04d', ?1)"
                             " ORDER BY date", NULL);
  if (stmt == NULL)
    return list;
  sqlite3_bind_int (stmt, 1, year);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      DeskHoliday *h = g_new0 (DeskHoliday, 1);

      h->date = desk_sql_dup_text (stmt, 0);
      h->workday = sqlite3_column_int (stmt, 1);
      h->note = desk_sql_dup_text (stmt, 2);
      g_ptr_array_add (list, h);
    }
  sqlite3_reset (stmt);
  return list;
}

/**
 * desk_is_working_day:
 *
 * Monday to Friday, minus the calendar's holidays, plus its make-up
 * working days.
 */
gboolean
desk_is_working_day (DeskStore  *store,
                     const char *date)
{
  sqlite3_stmt *stmt;
  int weekday = desk_date_weekday (date);
  gboolean working = weekday >= 1 && weekday <= 5;

  stmt = desk_store_prepare (store, "SELECT workday FROM holidays WHERE date = ?1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        working = sqlite3_column_int (stmt, 0) != 0;
      sqlite3_reset (stmt);
    }
  return working;
}

/* 1 (Monday) to 7 (Sunday): day 1 of the count, 0001-01-01, was a Monday. */
static int
weekday_of (DeskDay day)
{
  return (int) ((day - 1) % 7) + 1;
}

/**
 * desk_working_days_between:
 *
 * Counts the working days after @from up to and including @to (0 when @to
 * is @from or earlier): the forwarding clock of legal-aid applications.
 * Weekdays are counted by arithmetic and the calendar's entries in the
 * range adjust the count, so an application pending for years costs one
 * query, not one per day.
 */
int
desk_working_days_between (DeskStore  *store,
                           const char *from,
                           const char *to)
{
  DeskDay a = desk_date_to_day (from);
  DeskDay b = desk_date_to_day (to);
  sqlite3_stmt *stmt;
  DeskDay d;
  int n;

  if (a <= 0 || b <= a)
    return 0;

  /* Monday to Friday in (a, b]: whole weeks, then the days left over. */
  n = (int) ((b - a) / 7) * 5;
  for (d = a + 1 + ((b - a) / 7) * 7; d <= b; d++)
    if (weekday_of (d) <= 5)
      n++;

  stmt = desk_store_prepare (store,
                             "SELECT date, workday FROM holidays WHERE date > ?1 AND date <= ?2",
                             NULL);
  if (stmt == NULL)
    return n;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gboolean weekday = weekday_of (desk_date_to_day ((const char *) sqlite3_column_text (stmt, 0)))
                         <= 5;
      gboolean workday = sqlite3_column_int (stmt, 1) != 0;

      if (weekday && !workday)
        n--;
      else if (!weekday && workday)
        n++;
    }
  sqlite3_reset (stmt);
  return n;
}
