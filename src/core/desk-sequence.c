/* desk-sequence.c — per-year sequences behind the numbers the program gives. */
#define G_LOG_DOMAIN "desk-sequence"

#include "config.h"

#include "desk-sequence.h"

gboolean
desk_sequence_next (DeskStore   *store,
                    const char  *scope,
                    int          year,
                    int         *number,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (desk_store_in_transaction (store), FALSE);

  stmt = desk_store_prepare (store,
                             "INSERT INTO sequences (scope, year, last) VALUES (?1, ?2, 1)"
                             " ON CONFLICT (scope, year) DO UPDATE SET last = last + 1"
                             " RETURNING last", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, scope, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, year);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return desk_store_set_sql_error (store, error);
    }
  *number = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
desk_sequence_claim (DeskStore   *store,
                     const char  *scope,
                     int          year,
                     int          number,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = desk_store_prepare (store,
                             "INSERT INTO sequences (scope, year, last) VALUES (?1, ?2, ?3)"
                             " ON CONFLICT (scope, year) DO UPDATE SET last = max (last, ?3)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, scope, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_int (stmt, 3, number);
  return desk_store_step_done (store, stmt, error);
}

char *
desk_timestamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
}
