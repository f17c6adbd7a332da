/* desk-screening.c — dispute screening records: checks, one transaction per
 * write, soft deletion, and the list of a period.
 */
#define G_LOG_DOMAIN "desk-screening"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-date.h"
#include "desk-screening.h"
#include "desk-sequence.h"
#include "desk-validate.h"

#define COLUMNS \
  "id, screened_on, committee_id, village_id, screener, found, prevented, notes," \
  " created_at, updated_at"

DeskScreening *
desk_screening_new (void)
{
  return g_new0 (DeskScreening, 1);
}

void
desk_screening_free (DeskScreening *screening)
{
  if (screening == NULL)
    return;
  g_free (screening->date);
  g_free (screening->screener);
  g_free (screening->notes);
  g_free (screening->created_at);
  g_free (screening->updated_at);
  g_free (screening);
}

static DeskScreening *
from_row (sqlite3_stmt *stmt)
{
  DeskScreening *s = desk_screening_new ();

  s->id = sqlite3_column_int64 (stmt, 0);
  s->date = desk_sql_dup_text (stmt, 1);
  s->committee_id = sqlite3_column_int64 (stmt, 2);
  s->village_id = sqlite3_column_int64 (stmt, 3);
  s->screener = desk_sql_dup_text (stmt, 4);
  s->found = sqlite3_column_int (stmt, 5);
  s->prevented = sqlite3_column_int (stmt, 6);
  s->notes = desk_sql_dup_text (stmt, 7);
  s->created_at = desk_sql_dup_text (stmt, 8);
  s->updated_at = desk_sql_dup_text (stmt, 9);
  return s;
}

static gboolean
row_exists (DeskStore  *store,
            const char *sql,
            gint64      id)
{
  sqlite3_stmt *stmt;
  gboolean found;

  if (id <= 0)
    return FALSE;
  stmt = desk_store_prepare (store, sql, NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static void
normalise_optional (char **text)
{
  if (*text == NULL)
    return;
  g_strstrip (*text);
  if (**text == '\0')
    g_clear_pointer (text, g_free);
}

static gboolean
check (DeskStore      *store,
       DeskScreening  *s,
       GError        **error)
{
  const char *committee_field = C_("screening", "Committee");
  char *date;

  date = desk_validate_date (s->date ? s->date : "", C_("screening", "Date"), NULL, error);
  if (date == NULL)
    return FALSE;
  g_free (s->date);
  s->date = date;

  if (s->committee_id <= 0)
    {
      desk_set_field_error (error, committee_field,
                            _("choose the committee that did the screening"));
      return FALSE;
    }
  if (!row_exists (store, "SELECT 1 FROM committees WHERE id = ?1 AND deleted_at IS NULL",
                   s->committee_id))
    {
      desk_set_field_error (error, committee_field,
                            _("the committee is not in the register; choose one from the "
                              "list"));
      return FALSE;
    }

  if (s->village_id < 0 ||
      (s->village_id > 0 &&
       !row_exists (store, "SELECT 1 FROM villages WHERE id = ?1 AND deleted_at IS NULL",
                    s->village_id)))
    {
      desk_set_field_error (error, C_("screening", "Village"),
                            _("choose a village or community from the register, or leave "
                              "it empty"));
      return FALSE;
    }

  normalise_optional (&s->screener);

  if (s->found < 0)
    {
      desk_set_field_error (error, C_("screening", "Disputes found"),
                            _("a number of disputes cannot be negative; write 0 for none"));
      return FALSE;
    }
  if (s->prevented < 0)
    {
      desk_set_field_error (error, C_("screening", "Disputes prevented"),
                            _("a number of disputes cannot be negative; write 0 for none"));
      return FALSE;
    }

  normalise_optional (&s->notes);
  return TRUE;
}

static void
bind_fields (sqlite3_stmt        *stmt,
             const DeskScreening *s)
{
  sqlite3_bind_text (stmt, 1, s->date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, s->committee_id);
  desk_sql_bind_id_or_null (stmt, 3, s->village_id);
  desk_sql_bind_text_or_null (stmt, 4, s->screener);
  sqlite3_bind_int (stmt, 5, s->found);
  sqlite3_bind_int (stmt, 6, s->prevented);
  desk_sql_bind_text_or_null (stmt, 7, s->notes);
}

gint64
desk_screening_create (DeskStore      *store,
                       DeskScreening  *screening,
                       GError        **error)
{
  g_autofree char *now = desk_timestamp ();
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);
  g_return_val_if_fail (screening != NULL, 0);

  if (!desk_store_begin (store, error))
    return 0;
  screening->id = 0;
  if (!check (store, screening, error))
    goto fail;
  stmt = desk_store_prepare (store,
                             "INSERT INTO screenings (screened_on, committee_id, village_id,"
                             " screener, found, prevented, notes, created_at, updated_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)", error);
  if (stmt == NULL)
    goto fail;
  bind_fields (stmt, screening);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error))
    goto fail;
  id = desk_store_last_insert_id (store);
  if (!desk_store_commit (store, error))
    return 0;

  screening->id = id;
  g_free (screening->created_at);
  screening->created_at = g_strdup (now);
  g_free (screening->updated_at);
  screening->updated_at = g_strdup (now);
  return id;

fail:
  desk_store_rollback (store);
  return 0;
}

/**
 * desk_screening_get:
 *
 * Returns: (transfer full) (nullable): the record, or %NULL with
 *   %DESK_RECORD_ERROR_NOT_FOUND when there is none or it was deleted.
 */
DeskScreening *
desk_screening_get (DeskStore  *store,
                    gint64      id,
                    GError    **error)
{
  DeskScreening *screening = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  stmt = desk_store_prepare (store,
                             "SELECT " COLUMNS " FROM screenings"
                             " WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    screening = from_row (stmt);
  else if (rc != SQLITE_DONE)
    desk_store_set_sql_error (store, error);
  else
    g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
                 _("The screening record no longer exists."));
  sqlite3_reset (stmt);
  return screening;
}

gboolean
desk_screening_update (DeskStore      *store,
                       DeskScreening  *screening,
                       GError        **error)
{
  g_autofree char *now = desk_timestamp ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (screening != NULL, FALSE);

  if (!desk_store_begin (store, error))
    return FALSE;
  if (!row_exists (store, "SELECT 1 FROM screenings WHERE id = ?1 AND deleted_at IS NULL",
                   screening->id))
    {
      g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
                   _("The screening record no longer exists."));
      goto fail;
    }
  if (!check (store, screening, error))
    goto fail;
  stmt = desk_store_prepare (store,
                             "UPDATE screenings SET screened_on = ?1, committee_id = ?2,"
                             " village_id = ?3, screener = ?4, found = ?5, prevented = ?6,"
                             " notes = ?7, updated_at = ?8 WHERE id = ?9", error);
  if (stmt == NULL)
    goto fail;
  bind_fields (stmt, screening);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 9, screening->id);
  if (!desk_store_step_done (store, stmt, error))
    goto fail;
  if (!desk_store_commit (store, error))
    return FALSE;
  g_free (screening->updated_at);
  screening->updated_at = g_steal_pointer (&now);
  return TRUE;

fail:
  desk_store_rollback (store);
  return FALSE;
}

gboolean
desk_screening_delete (DeskStore  *store,
                       gint64      id,
                       GError    **error)
{
  g_autofree char *now = desk_timestamp ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  if (!desk_store_begin (store, error))
    return FALSE;
  stmt = desk_store_prepare (store,
                             "UPDATE screenings SET deleted_at = ?2, updated_at = ?2"
                             " WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error))
    goto fail;
  if (sqlite3_changes (desk_store_get_db (store)) == 0)
    {
      g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
                   _("The screening record no longer exists."));
      goto fail;
    }
  return desk_store_commit (store, error);

fail:
  desk_store_rollback (store);
  return FALSE;
}

/**
 * desk_screening_list:
 * @from: (nullable): first day, YYYY-MM-DD
 * @to: (nullable): last day, YYYY-MM-DD
 * @committee_id: one committee's screenings, or 0 for all
 *
 * Returns: (transfer full) (element-type DeskScreening) (nullable): the
 *   screenings, latest first, or %NULL with @error.
 */
GPtrArray *
desk_screening_list (DeskStore   *store,
                     const char  *from,
                     const char  *to,
                     gint64       committee_id,
                     GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (from == NULL || desk_date_valid (from), NULL);
  g_return_val_if_fail (to == NULL || desk_date_valid (to), NULL);

  /* Open ends are bound as bounds every date passes, so that the
   * screenings_on index serves every period. */
  stmt = desk_store_prepare (store,
                             "SELECT " COLUMNS " FROM screenings"
                             " WHERE deleted_at IS NULL AND screened_on >= ?1"
                             " AND screened_on <= ?2 AND (?3 = 0 OR committee_id = ?3)"
                             " ORDER BY screened_on DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from ? from : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to ? to : "9999", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, MAX (committee_id, 0));

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_screening_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      desk_store_set_sql_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
