/* desk-register.c — villages, staff, committees and mediators.
 *
 * The four registers share their shape: check and normalise in place, one
 * transaction per write, soft deletion refused while a live record uses
 * the entry (a deleted record counts nowhere, so it does not hold an entry
 * in use), and "active on a day" by inclusive from/until dates where an
 * empty date means always.
 */
#define G_LOG_DOMAIN "desk-register"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-codes.h"
#include "desk-date.h"
#include "desk-register.h"
#include "desk-sequence.h"
#include "desk-validate.h"

/* The separator desk_set_field_error() puts between field and problem. */
#define FIELD_SEPARATOR "："

/* ------------------------------------------------------------------ */
/* Helpers shared by the registers                                     */

/* Trims @text in place; an empty string becomes NULL. */
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
normalise_name (char        **name,
                const char   *field,
                GError      **error)
{
  char *clean = desk_validate_name (*name ? *name : "", field, error);

  if (clean == NULL)
    return FALSE;
  g_free (*name);
  *name = clean;
  return TRUE;
}

/* A field error like @local's, but naming @field: the phone check names
 * its own field, and the register's field may be called otherwise. */
static void
relabel_field_error (GError       **error,
                     const char    *field,
                     const GError  *local,
                     const char    *fallback)
{
  const char *problem = fallback;

  if (local != NULL)
    {
      const char *sep = strstr (local->message, FIELD_SEPARATOR);

      problem = sep ? sep + strlen (FIELD_SEPARATOR) : local->message;
    }
  desk_set_field_error (error, field, "%s", problem);
}

static gboolean
normalise_phone (char        **phone,
                 const char   *field,
                 GError      **error)
{
  g_autoptr(GError) local = NULL;
  char *clean;

  normalise_optional (phone);
  if (*phone == NULL)
    return TRUE;
  clean = desk_validate_phone (*phone, &local);
  if (clean == NULL)
    {
      relabel_field_error (error, field, local,
                           _("write a mobile number of 11 digits or a landline as "
                             "area code-number"));
      return FALSE;
    }
  g_free (*phone);
  *phone = clean;
  return TRUE;
}

/* Active dates: any form the date parser reads, written back YYYY-MM-DD;
 * they may lie in the future (a retirement planned ahead). */
static gboolean
normalise_active_date (char        **date,
                       const char   *field,
                       GError      **error)
{
  char *clean;

  normalise_optional (date);
  if (*date == NULL)
    return TRUE;
  clean = desk_date_parse (*date, 0);
  if (clean == NULL)
    {
      desk_set_field_error (error, field,
                            _("“%s” is not a date; write it as 2026-11-22, or leave it "
                              "empty for always"), *date);
      return FALSE;
    }
  g_free (*date);
  *date = clean;
  return TRUE;
}

static gboolean
check_active_dates (char        **from,
                    char        **until,
                    const char   *from_field,
                    const char   *until_field,
                    GError      **error)
{
  if (!normalise_active_date (from, from_field, error) ||
      !normalise_active_date (until, until_field, error))
    return FALSE;
  if (*from != NULL && *until != NULL && strcmp (*until, *from) < 0)
    {
      desk_set_field_error (error, until_field,
                            _("%s is before the active-from date %s"), *until, *from);
      return FALSE;
    }
  return TRUE;
}

static void
set_duplicate_error (GError     **error,
                     const char  *field,
                     const char  *format,
                     ...) G_GNUC_PRINTF (3, 4);

/* A duplicate natural key: %DESK_RECORD_ERROR_DUPLICATE, worded as a field
 * error so that the message can stand beside the field it names. */
static void
set_duplicate_error (GError     **error,
                     const char  *field,
                     const char  *format,
                     ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE,
               "%s" FIELD_SEPARATOR "%s", field, what);
}

/* Runs @sql with ?1 = @id (and ?2 = @text when not NULL) and returns the
 * first column of the first row as an integer, 0 when there is no row. */
static gboolean
query_int64 (DeskStore   *store,
             const char  *sql,
             gint64       id,
             const char  *text,
             gint64      *value,
             GError     **error)
{
  sqlite3_stmt *stmt = desk_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *value = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return desk_store_set_sql_error (store, error);
  return TRUE;
}

/* Whether the live row @id exists, per @sql ("SELECT 1 … WHERE id = ?1 AND
 * deleted_at IS NULL"). */
static gboolean
row_exists (DeskStore  *store,
            const char *sql,
            gint64      id)
{
  gint64 found = 0;

  if (id <= 0)
    return FALSE;
  return query_int64 (store, sql, id, NULL, &found, NULL) && found != 0;
}

/* Soft-deletes row @id with @delete_sql ("UPDATE … SET deleted_at = ?2,
 * updated_at = ?2 WHERE id = ?1"), unless @uses_sql counts live records
 * that use it: then it returns FALSE with *@uses > 0 and no error set, and
 * the caller says so in its own words. */
static gboolean
soft_delete (DeskStore   *store,
             const char  *uses_sql,
             const char  *delete_sql,
             gint64       id,
             gint64      *uses,
             GError     **error)
{
  g_autofree char *now = desk_timestamp ();
  sqlite3_stmt *stmt;

  *uses = 0;
  if (!desk_store_begin (store, error))
    return FALSE;
  if (!query_int64 (store, uses_sql, id, NULL, uses, error))
    goto fail;
  if (*uses > 0)
    goto fail;
  stmt = desk_store_prepare (store, delete_sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error))
    goto fail;
  return desk_store_commit (store, error);

fail:
  desk_store_rollback (store);
  return FALSE;
}

static gboolean
check_active_on (const char *active_on)
{
  return active_on == NULL || desk_date_valid (active_on);
}

/* ------------------------------------------------------------------ */
/* Villages                                                            */

#define VILLAGE_COLUMNS \
  "id, name, kind, area_code, active_from, active_until, created_at, updated_at"
#define VILLAGE_EXISTS "SELECT 1 FROM villages WHERE id = ?1 AND deleted_at IS NULL"

DeskVillage *
desk_village_new (void)
{
  return g_new0 (DeskVillage, 1);
}

void
desk_village_free (DeskVillage *village)
{
  if (village == NULL)
    return;
  g_free (village->name);
  g_free (village->kind);
  g_free (village->area_code);
  g_free (village->active_from);
  g_free (village->active_until);
  g_free (village->created_at);
  g_free (village->updated_at);
  g_free (village);
}

static DeskVillage *
village_from_row (sqlite3_stmt *stmt)
{
  DeskVillage *village = desk_village_new ();

  village->id = sqlite3_column_int64 (stmt, 0);
  village->name = desk_sql_dup_text (stmt, 1);
  village->kind = desk_sql_dup_text (stmt, 2);
  village->area_code = desk_sql_dup_text (stmt, 3);
  village->active_from = desk_sql_dup_text (stmt, 4);
  village->active_until = desk_sql_dup_text (stmt, 5);
  village->created_at = desk_sql_dup_text (stmt, 6);
  village->updated_at = desk_sql_dup_text (stmt, 7);
  return village;
}

static gint64
find_village_except (DeskStore  *store,
                     const char *name,
                     gint64      except_id)
{
  gint64 id = 0;

  query_int64 (store,
               "SELECT id FROM villages WHERE name = ?2 AND deleted_at IS NULL AND id <> ?1",
               except_id, name, &id, NULL);
  return id;
}

static gboolean
village_check (DeskStore    *store,
               DeskVillage  *village,
               GError      **error)
{
  const char *name_field = C_("village", "Name");
  const char *kind_field = C_("village", "Kind");
  const char *code_field = C_("village", "Area code");

  if (!normalise_name (&village->name, name_field, error))
    return FALSE;

  normalise_optional (&village->kind);
  if (g_strcmp0 (village->kind, "村") != 0 && g_strcmp0 (village->kind, "社区") != 0)
    {
      desk_set_field_error (error, kind_field, _("choose 村 (village) or 社区 (community)"));
      return FALSE;
    }

  normalise_optional (&village->area_code);
  if (village->area_code != NULL &&
      (strlen (village->area_code) != 12 ||
       strspn (village->area_code, "0123456789") != 12))
    {
      desk_set_field_error (error, code_field,
                            _("the statistical area code has 12 digits; “%s” is not one "
                              "(it may be left empty)"), village->area_code);
      return FALSE;
    }

  if (!check_active_dates (&village->active_from, &village->active_until,
                           C_("village", "Active from"), C_("village", "Active until"),
                           error))
    return FALSE;

  if (find_village_except (store, village->name, village->id) > 0)
    {
      set_duplicate_error (error, name_field,
                           _("a village or community called “%s” is already registered"),
                           village->name);
      return FALSE;
    }
  return TRUE;
}

/**
 * desk_village_create:
 *
 * Checks @village, normalising it in place, and adds it.
 *
 * Returns: the new id (also set in @village), or 0 with @error.
 */
gint64
desk_village_create (DeskStore    *store,
                     DeskVillage  *village,
                     GError      **error)
{
  g_autofree char *now = desk_timestamp ();
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);
  g_return_val_if_fail (village != NULL, 0);

  if (!desk_store_begin (store, error))
    return 0;
  village->id = 0;
  if (!village_check (store, village, error))
    goto fail;
  stmt = desk_store_prepare (store,
                             "INSERT INTO villages (name, kind, area_code, active_from,"
                             " active_until, created_at, updated_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, village->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, village->kind, -1, SQLITE_TRANSIENT);
  desk_sql_bind_text_or_null (stmt, 3, village->area_code);
  desk_sql_bind_text_or_null (stmt, 4, village->active_from);
  desk_sql_bind_text_or_null (stmt, 5, village->active_until);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error))
    goto fail;
  id = desk_store_last_insert_id (store);
  if (!desk_store_commit (store, error))
    return 0;

  village->id = id;
  g_free (village->created_at);
  village->created_at = g_strdup (now);
  g_free (village->updated_at);
  village->updated_at = g_strdup (now);
  return id;

fail:
  desk_store_rollback (store);
  return 0;
}

/**
 * desk_village_get:
 *
 * Returns: (transfer full) (nullable): the village, or %NULL with
 *   %DESK_RECORD_ERROR_NOT_FOUND when there is none or it was deleted.
 */
DeskVillage *
desk_village_get (DeskStore  *store,
                  gint64      id,
                  GError    **error)
{
  sqlite3_stmt *stmt;
  DeskVillage *village = NULL;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  stmt = desk_store_prepare (store,
                             "SELECT " VILLAGE_COLUMNS " FROM villages"
                             " WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    village = village_from_row (stmt);
  else if (rc != SQLITE_DONE)
    desk_store_set_sql_error (store, error);
  else
    g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
                 _("The village or community no longer exists."));
  sqlite3_reset (stmt);
  return village;
}

gboolean
desk_village_update (DeskStore    *store,
                     DeskVillage  *village,
                     GError      **error)
{
  g_autofree char *now = desk_timestamp ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (village != NULL, FALSE);

  if (!desk_store_begin (store, error))
    return FALSE;
  if (!row_exists (store, VILLAGE_EXISTS, village->id))
    {
      g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
                   _("The village or community no longer exists."));
      goto fail;
    }
  if (!village_check (store, village, error))
    goto fail;
  stmt = desk_store_prepare (store,
                             "UPDATE villages SET name = ?2, kind = ?3, area_code = ?4,"
                             " active_from = ?5, active_until = ?6, updated_at = ?7"
                             " WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, village->id);
  sqlite3_bind_text (stmt, 2, village->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, village->kind, -1, SQLITE_TRANSIENT);
  desk_sql_bind_text_or_null (stmt, 4, village->area_code);
  desk_sql_bind_text_or_null (stmt, 5, village->active_from);
  desk_sql_bind_text_or_null (stmt, 6, village->active_until);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error))
    goto fail;
  if (!desk_store_commit (store, error))
    return FALSE;
  g_free (village->updated_at);
  village->updated_at = g_steal_pointer (&now);
  return TRUE;

fail:
  desk_store_rollback (store);
  return FALSE;
}

/**
 * desk_village_delete:
 *
 * Deletes a village no live record uses; otherwise fails with
 * %DESK_RECORD_ERROR_IN_USE: retire it with desk_village_retire().
 */
gboolean
desk_village_delete (DeskStore  *store,
                     gint64      id,
                     GError    **error)
{
  g_autoptr(DeskVillage) village = NULL;
  gint64 uses;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  village = desk_village_get (store, id, error);
  if (village == NULL)
    return FALSE;
  if (soft_delete (store,
                   "SELECT (SELECT count(*) FROM committees"
                   "        WHERE village_id = ?1 AND deleted_at IS NULL)"
                   " + (SELECT count(*) FROM people"
                   "    WHERE village_id = ?1 AND deleted_at IS NULL)"
                   " + (SELECT count(*) FROM consultations"
                   "    WHERE village_id = ?1 AND deleted_at IS NULL)"
                   " + (SELECT count(*) FROM screenings"
                   "    WHERE village_id = ?1 AND deleted_at IS NULL)"
                   " + (SELECT count(*) FROM legal_aid"
                   "    WHERE village_id = ?1 AND deleted_at IS NULL)"
                   " + (SELECT count(*) FROM adviser_assignments"
                   "    WHERE village_id = ?1 AND deleted_at IS NULL)"
                   " + (SELECT count(*) FROM adviser_services"
                   "    WHERE village_id = ?1 AND deleted_at IS NULL)",
                   "UPDATE villages SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
                   id, &uses, error))
    return TRUE;
  if (uses > 0)
    g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_IN_USE,
                 g_dngettext (GETTEXT_PACKAGE,
                              "“%s” is used by %d record and cannot be deleted; "
                              "retire it with an active-until date instead.",
                              "“%s” is used by %d records and cannot be deleted; "
                              "retire it with an active-until date instead.", uses),
                 village->name, (int) uses);
  return FALSE;
}

/**
 * desk_village_retire:
 * @active_until: (nullable): the last day it is active; %NULL: always again
 */
gboolean
desk_village_retire (DeskStore   *store,
                     gint64       id,
                     const char  *active_until,
                     GError     **error)
{
  g_autoptr(DeskVillage) village = desk_village_get (store, id, error);

  if (village == NULL)
    return FALSE;
  g_free (village->active_until);
  village->active_until = g_strdup (active_until);
  return desk_village_update (store, village, error);
}

/**
 * desk_village_list:
 * @active_on: (nullable): a day, YYYY-MM-DD: only those active that day
 *
 * Returns: (transfer full) (element-type DeskVillage) (nullable): the
 *   villages in the order they were entered, or %NULL with @error.
 */
GPtrArray *
desk_village_list (DeskStore   *store,
                   const char  *active_on,
                   GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (check_active_on (active_on), NULL);

  stmt = desk_store_prepare (store,
                             "SELECT " VILLAGE_COLUMNS " FROM villages"
                             " WHERE deleted_at IS NULL AND (?1 IS NULL OR"
                             "  ((active_from IS NULL OR active_from <= ?1) AND"
                             "   (active_until IS NULL OR active_until >= ?1)))"
                             " ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  desk_sql_bind_text_or_null (stmt, 1, active_on);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_village_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, village_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      desk_store_set_sql_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/**
 * desk_village_find:
 *
 * Returns: the id of the village called @name (trimmed), or 0.
 */
gint64
desk_village_find (DeskStore  *store,
                   const char *name)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);

  clean = desk_validate_name (name ? name : "", "", NULL);
  if (clean == NULL)
    return 0;
  return find_village_except (store, clean, 0);
}

/* ------------------------------------------------------------------ */
/* Staff                                                               */

#define STAFF_COLUMNS "id, name, role, phone, active, created_at, updated_at"
#define STAFF_EXISTS "SELECT 1 FROM staff WHERE id = ?1 AND deleted_at IS NULL"

DeskStaff *
desk_staff_new (void)
{
  DeskStaff *staff = g_new0 (DeskStaff, 1);

  staff->role = g_strdup (DESK_STAFF_ROLE_CLERK);
  staff->active = TRUE;
  return staff;
}

void
desk_staff_free (DeskStaff *staff)
{
  if (staff == NULL)
    return;
  g_free (staff->name);
  g_free (staff->role);
  g_free (staff->phone);
  g_free (staff->created_at);
  g_free (staff->updated_at);
  g_free (staff);
}

static DeskStaff *
staff_from_row (sqlite3_stmt *stmt)
{
  DeskStaff *staff = g_new0 (DeskStaff, 1);

  staff->id = sqlite3_column_int64 (stmt, 0);
  staff->name = desk_sql_dup_text (stmt, 1);
  staff->role = desk_sql_dup_text (stmt, 2);
  staff->phone = desk_sql_dup_text (stmt, 3);
  staff->active = sqlite3_column_int (stmt, 4) != 0;
  staff->created_at = desk_sql_dup_text (stmt, 5);
  staff->updated_at = desk_sql_dup_text (stmt, 6);
  return staff;
}

static gint64
find_staff_except (DeskStore  *store,
                   const char *name,
                   gint64      except_id)
{
  gint64 id = 0;

  query_int64 (store,
               "SELECT id FROM staff WHERE name = ?2 AND deleted_at IS NULL AND id <> ?1",
               except_id, name, &id, NULL);
  return id;
}

static gboolean
staff_check (DeskStore  *store,
             DeskStaff  *staff,
             GError    **error)
{
  const char *name_field = C_("staff", "Name");

  if (!normalise_name (&staff->name, name_field, error))
    return FALSE;

  normalise_optional (&staff->role);
  if (staff->role == NULL)
    staff->role = g_strdup (DESK_STAFF_ROLE_CLERK);
  if (!g_str_equal (staff->role, DESK_STAFF_ROLE_HEAD) &&
      !g_str_equal (staff->role, DESK_STAFF_ROLE_CLERK))
    {
      desk_set_field_error (error, C_("staff", "Role"),
                            _("choose 所长 (head of station) or 工作人员 (staff)"));
      return FALSE;
    }

  if (!normalise_phone (&staff->phone, C_("staff", "Phone"), error))
    return FALSE;

  if (find_staff_except (store, staff->name, staff->id) > 0)
    {
      set_duplicate_error (error, name_field, _("“%s” is already on the staff list"),
                           staff->name);
      return FALSE;
    }
  return TRUE;
}

/**
 * desk_staff_create:
 *
 * Returns: the new id (also set in @staff), or 0 with @error.
 */
gint64
desk_staff_create (DeskStore  *store,
                   DeskStaff  *staff,
                   GError    **error)
{
  g_autofree char *now = desk_timestamp ();
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);
  g_return_val_if_fail (staff != NULL, 0);

  if (!desk_store_begin (store, error))
    return 0;
  staff->id = 0;
  if (!staff_check (store, staff, error))
    goto fail;
  stmt = desk_store_prepare (store,
                             "INSERT INTO staff (name, role, phone, active, created_at,"
                             " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, staff->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, staff->role, -1, SQLITE_TRANSIENT);
  desk_sql_bind_text_or_null (stmt, 3, staff->phone);
  sqlite3_bind_int (stmt, 4, staff->active ? 1 : 0);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error))
    goto fail;
  id = desk_store_last_insert_id (store);
  if (!desk_store_commit (store, error))
    return 0;

  staff->id = id;
  g_free (staff->created_at);
  staff->created_at = g_strdup (now);
  g_free (staff->updated_at);
  staff->updated_at = g_strdup (now);
  return id;

fail:
  desk_store_rollback (store);
  return 0;
}

DeskStaff *
desk_staff_get (DeskStore  *store,
                gint64      id,
                GError    **error)
{
  sqlite3_stmt *stmt;
  DeskStaff *staff = NULL;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  stmt = desk_store_prepare (store,
                             "SELECT " STAFF_COLUMNS " FROM staff"
                             " WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    staff = staff_from_row (stmt);
  else if (rc != SQLITE_DONE)
    desk_store_set_sql_error (store, error);
  else
    g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
                 _("The staff member is no longer on the staff list."));
  sqlite3_reset (stmt);
  return staff;
}

gboolean
desk_staff_update (DeskStore  *store,
                   DeskStaff  *staff,
                   GError    **error)
{
  g_autofree char *now = desk_timestamp ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (staff != NULL, FALSE);

  if (!desk_store_begin (store, error))
    return FALSE;
  if (!row_exists (store, STAFF_EXISTS, staff->id))
    {
      g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
                   _("The staff member is no longer on the staff list."));
      goto fail;
    }
  if (!staff_check (store, staff, error))
    goto fail;
  stmt = desk_store_prepare (store,
                             "UPDATE staff SET name = ?2, role = ?3, phone = ?4, active = ?5,"
                             " updated_at = ?6 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, staff->id);
  sqlite3_bind_text (stmt, 2, staff->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, staff->role, -1, SQLITE_TRANSIENT);
  desk_sql_bind_text_or_null (stmt, 4, staff->phone);
  sqlite3_bind_int (stmt, 5, staff->active ? 1 : 0);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error))
    goto fail;
  if (!desk_store_commit (store, error))
    return FALSE;
  g_free (staff->updated_at);
  staff->updated_at = g_steal_pointer (&now);
  return TRUE;

fail:
  desk_store_rollback (store);
  return FALSE;
}

/**
 * desk_staff_delete:
 *
 * Deletes a staff member no live record names; otherwise fails with
 * %DESK_RECORD_ERROR_IN_USE: use desk_staff_set_active() instead.
 */
gboolean
desk_staff_delete (DeskStore  *store,
                   gint64      id,
                   GError    **error)
{
  g_autoptr(DeskStaff) staff = NULL;
  gint64 uses;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  staff = desk_staff_get (store, id, error);
  if (staff == NULL)
    return FALSE;
  if (soft_delete (store,
                   "SELECT (SELECT count(*) FROM consultations"
                   "        WHERE staff_id = ?1 AND deleted_at IS NULL)"
                   " + (SELECT count(*) FROM legal_aid"
                   "    WHERE receiver_id = ?1 AND deleted_at IS NULL)"
                   " + (SELECT count(*) FROM mediation_cases"
                   "    WHERE registrar_id = ?1 AND deleted_at IS NULL)",
                   "UPDATE staff SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
                   id, &uses, error))
    return TRUE;
  if (uses > 0)
    g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_IN_USE,
                 g_dngettext (GETTEXT_PACKAGE,
                              "“%s” is named in %d record and cannot be deleted; "
                              "mark them as no longer active instead.",
                              "“%s” is named in %d records and cannot be deleted; "
                              "mark them as no longer active instead.", uses),
                 staff->name, (int) uses);
  return FALSE;
}

gboolean
desk_staff_set_active (DeskStore  *store,
                       gint64      id,
                       gboolean    active,
                       GError    **error)
{
  g_autoptr(DeskStaff) staff = desk_staff_get (store, id, error);

  if (staff == NULL)
    return FALSE;
  staff->active = active;
  return desk_staff_update (store, staff, error);
}

/**
 * desk_staff_list:
 *
 * Returns: (transfer full) (element-type DeskStaff) (nullable): the staff in
 *   the order they were entered, or %NULL with @error.
 */
GPtrArray *
desk_staff_list (DeskStore  *store,
                 gboolean    active_only,
                 GError    **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  stmt = desk_store_prepare (store,
                             "SELECT " STAFF_COLUMNS " FROM staff"
                             " WHERE deleted_at IS NULL AND (active OR NOT ?1)"
                             " ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, active_only ? 1 : 0);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_staff_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, staff_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      desk_store_set_sql_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gint64
desk_staff_find (DeskStore  *store,
                 const char *name)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);

  clean = desk_validate_name (name ? name : "", "", NULL);
  if (clean == NULL)
    return 0;
  return find_staff_except (store, clean, 0);
}

/**
 * desk_staff_ensure:
 * @added: (out) (optional): whether @name was added
 *
 * Returns: the id of the staff member called @name, added as an active
 *   工作人员 when unknown; 0 with @error on failure.
 */
gint64
desk_staff_ensure (DeskStore   *store,
                   const char  *name,
                   gboolean    *added,
                   GError     **error)
{
  g_autoptr(DeskStaff) staff = NULL;
  gint64 id;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);

  if (added != NULL)
    *added = FALSE;
  id = desk_staff_find (store, name);
  if (id > 0)
    return id;

  staff = desk_staff_new ();
  staff->name = g_strdup (name);
  id = desk_staff_create (store, staff, error);
  if (id > 0 && added != NULL)
    *added = TRUE;
  return id;
}

/* ------------------------------------------------------------------ */
/* Committees                                                          */

#define COMMITTEE_COLUMNS \
  "id, name, short_name, type_id, village_id, active_from, active_until, created_at," \
  " updated_at"
#define COMMITTEE_EXISTS "SELECT 1 FROM committees WHERE id = ?1 AND deleted_at IS NULL"

DeskCommittee *
desk_committee_new (void)
{
  return g_new0 (DeskCommittee, 1);
}

void
desk_committee_free (DeskCommittee *committee)
{
  if (committee == NULL)
    return;
  g_free (committee->name);
  g_free (committee->short_name);
  g_free (committee->active_from);
  g_free (committee->active_until);
  g_free (committee->created_at);
  g_free (committee->updated_at);
  g_free (committee);
}

static DeskCommittee *
committee_from_row (sqlite3_stmt *stmt)
{
  DeskCommittee *committee = desk_committee_new ();

  committee->id = sqlite3_column_int64 (stmt, 0);
  committee->name = desk_sql_dup_text (stmt, 1);
  committee->short_name = desk_sql_dup_text (stmt, 2);
  committee->type_id = sqlite3_column_int64 (stmt, 3);
  committee->village_id = sqlite3_column_int64 (stmt, 4);
  committee->active_from = desk_sql_dup_text (stmt, 5);
  committee->active_until = desk_sql_dup_text (stmt, 6);
  committee->created_at = desk_sql_dup_text (stmt, 7);
  committee->updated_at = desk_sql_dup_text (stmt, 8);
  return committee;
}

static gint64
find_committee_except (DeskStore  *store,
                       const char *name,
                       gint64      except_id)
{
  gint64 id = 0;

  query_int64 (store,
               "SELECT id FROM committees WHERE name = ?2 AND deleted_at IS NULL AND id <> ?1",
               except_id, name, &id, NULL);
  return id;
}

static gint64
find_short_name_except (DeskStore  *store,
                        const char *short_name,
                        gint64      except_id)
{
  gint64 id = 0;

  query_int64 (store,
               "SELECT id FROM committees WHERE short_name = ?2 AND deleted_at IS NULL"
               " AND id <> ?1",
               except_id, short_name, &id, NULL);
  return id;
}

/* The short name stands inside a case number, （2026）青山人调字第12号:
 * white space or a bracket of any width would make the number ambiguous
 * to read back. */
static gboolean
short_name_usable (const char *text)
{
  static const gunichar brackets[] = {
    '(', ')', '[', ']', '{', '}', '<', '>',
    0xFF08, 0xFF09,  /* （） */
    0xFF3B, 0xFF3D,  /* ［］ */
    0xFF5B, 0xFF5D,  /* ｛｝ */
    0x3010, 0x3011,  /* 【】 */
    0x3014, 0x3015,  /* 〔〕 */
    0x3016, 0x3017,  /* 〖〗 */
    0x3008, 0x3009,  /* 〈〉 */
    0x300A, 0x300B,  /* 《》 */
    0xFF1C, 0xFF1E,  /* ＜＞ */
  };

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x3000)
        return FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (brackets); i++)
        if (c == brackets[i])
          return FALSE;
    }
  return TRUE;
}

static gboolean
committee_check (DeskStore      *store,
                 DeskCommittee  *committee,
                 GError        **error)
{
  const char *name_field = C_("committee", "Name");
  const char *short_field = C_("committee", "Short name");

  if (!normalise_name (&committee->name, name_field, error))
    return FALSE;

  normalise_optional (&committee->short_name);
  if (committee->short_name == NULL)
    {
      desk_set_field_error (error, short_field,
                            _("enter the short name that case numbers carry, "
                              "e.g. 青山 in （2026）青山人调字第1号"));
      return FALSE;
    }
  if (!g_utf8_validate (committee->short_name, -1, NULL) ||
      !short_name_usable (committee->short_name))
    {
      desk_set_field_error (error, short_field,
                            _("“%s” cannot stand in a case number: leave out spaces and "
                              "brackets"), committee->short_name);
      return FALSE;
    }

  if (!desk_codes_check_kind (store, committee->type_id, DESK_CODE_COMMITTEE_TYPE,
                              C_("committee", "Type"), error))
    return FALSE;

  if (committee->village_id < 0 ||
      (committee->village_id > 0 && !row_exists (store, VILLAGE_EXISTS, committee->village_id)))
    {
      desk_set_field_error (error, C_("committee", "Village"),
                            _("choose a village or community from the register, or leave "
                              "it empty"));
      return FALSE;
    }

  if (!check_active_dates (&committee->active_from, &committee->active_until,
                           C_("committee", "Active from"), C_("committee", "Active until"),
                           error))
    return FALSE;

  if (find_committee_except (store, committee->name, committee->id) > 0)
    {
      set_duplicate_error (error, name_field,
                           _("a committee called “%s” is already registered"),
                           committee->name);
      return FALSE;
    }
  if (find_short_name_except (store, committee->short_name, committee->id) > 0)
    {
      set_duplicate_error (error, short_field,
                           _("another committee already uses “%s”; case numbers need a "
                             "short name of their own"), committee->short_name);
      return FALSE;
    }
  return TRUE;
}

gint64
desk_committee_create (DeskStore      *store,
                       DeskCommittee  *committee,
                       GError        **error)
{
  g_autofree char *now = desk_timestamp ();
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);
  g_return_val_if_fail (committee != NULL, 0);

  if (!desk_store_begin (store, error))
    return 0;
  committee->id = 0;
  if (!committee_check (store, committee, error))
    goto fail;
  stmt = desk_store_prepare (store,
                             "INSERT INTO committees (name, short_name, type_id, village_id,"
                             " active_from, active_until, created_at, updated_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, committee->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, committee->short_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, committee->type_id);
  desk_sql_bind_id_or_null (stmt, 4, committee->village_id);
  desk_sql_bind_text_or_null (stmt, 5, committee->active_from);
  desk_sql_bind_text_or_null (stmt, 6, committee->active_until);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error))
    goto fail;
  id = desk_store_last_insert_id (store);
  if (!desk_store_commit (store, error))
    return 0;

  committee->id = id;
  g_free (committee->created_at);
  committee->created_at = g_strdup (now);
  g_free (committee->updated_at);
  committee->updated_at = g_strdup (now);
  return id;

fail:
  desk_store_rollback (store);
  return 0;
}

DeskCommittee *
desk_committee_get (DeskStore  *store,
                    gint64      id,
                    GError    **error)
{
  sqlite3_stmt *stmt;
  DeskCommittee *committee = NULL;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  stmt = desk_store_prepare (store,
                             "SELECT " COMMITTEE_COLUMNS " FROM committees"
                             " WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    committee = committee_from_row (stmt);
  else if (rc != SQLITE_DONE)
    desk_store_set_sql_error (store, error);
  else
    g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
                 _("The mediation committee no longer exists."));
  sqlite3_reset (stmt);
  return committee;
}

/**
 * desk_committee_update:
 *
 * A new short name applies to case numbers given from now on; numbers
 * already given keep the name they were given with.
 */
gboolean
desk_committee_update (DeskStore      *store,
                       DeskCommittee  *committee,
                       GError        **error)
{
  g_autofree char *now = desk_timestamp ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (committee != NULL, FALSE);

  if (!desk_store_begin (store, error))
    return FALSE;
  if (!row_exists (store, COMMITTEE_EXISTS, committee->id))
    {
      g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
                   _("The mediation committee no longer exists."));
      goto fail;
    }
  if (!committee_check (store, committee, error))
    goto fail;
  stmt = desk_store_prepare (store,
                             "UPDATE committees SET name = ?2, short_name = ?3, type_id = ?4,"
                             " village_id = ?5, active_from = ?6, active_until = ?7,"
                             " updated_at = ?8 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, committee->id);
  sqlite3_bind_text (stmt, 2, committee->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, committee->short_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, committee->type_id);
  desk_sql_bind_id_or_null (stmt, 5, committee->village_id);
  desk_sql_bind_text_or_null (stmt, 6, committee->active_from);
  desk_sql_bind_text_or_null (stmt, 7, committee->active_until);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error))
    goto fail;
  if (!desk_store_commit (store, error))
    return FALSE;
  g_free (committee->updated_at);
  committee->updated_at = g_steal_pointer (&now);
  return TRUE;

fail:
  desk_store_rollback (store);
  return FALSE;
}

/**
 * desk_committee_delete:
 *
 * Deletes a committee that has no live mediators, cases or screenings;
 * otherwise fails with %DESK_RECORD_ERROR_IN_USE: retire it instead.
 */
gboolean
desk_committee_delete (DeskStore  *store,
                       gint64      id,
                       GError    **error)
{
  g_autoptr(DeskCommittee) committee = NULL;
  gint64 uses;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  committee = desk_committee_get (store, id, error);
  if (committee == NULL)
    return FALSE;
  if (soft_delete (store,
                   "SELECT (SELECT count(*) FROM mediators"
                   "        WHERE committee_id = ?1 AND deleted_at IS NULL)"
                   " + (SELECT count(*) FROM mediation_cases"
                   "    WHERE committee_id = ?1 AND deleted_at IS NULL)"
                   " + (SELECT count(*) FROM screenings"
                   "    WHERE committee_id = ?1 AND deleted_at IS NULL)",
                   "UPDATE committees SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
                   id, &uses, error))
    return TRUE;
  if (uses > 0)
    g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_IN_USE,
                 g_dngettext (GETTEXT_PACKAGE,
                              "“%s” has %d mediator or record and cannot be deleted; "
                              "retire it with an active-until date instead.",
                              "“%s” has %d mediators and records and cannot be deleted; "
                              "retire it with an active-until date instead.", uses),
                 committee->name, (int) uses);
  return FALSE;
}

gboolean
desk_committee_retire (DeskStore   *store,
                       gint64       id,
                       const char  *active_until,
                       GError     **error)
{
  g_autoptr(DeskCommittee) committee = desk_committee_get (store, id, error);

  if (committee == NULL)
    return FALSE;
  g_free (committee->active_until);
  committee->active_until = g_strdup (active_until);
  return desk_committee_update (store, committee, error);
}

/**
 * desk_committee_list:
 * @active_on: (nullable): a day, YYYY-MM-DD: only those active that day
 *
 * Returns: (transfer full) (element-type DeskCommittee) (nullable): the
 *   committees in the order of the register (the order the forms use).
 */
GPtrArray *
desk_committee_list (DeskStore   *store,
                     const char  *active_on,
                     GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (check_active_on (active_on), NULL);

  stmt = desk_store_prepare (store,
                             "SELECT " COMMITTEE_COLUMNS " FROM committees"
                             " WHERE deleted_at IS NULL AND (?1 IS NULL OR"
                             "  ((active_from IS NULL OR active_from <= ?1) AND"
                             "   (active_until IS NULL OR active_until >= ?1)))"
                             " ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  desk_sql_bind_text_or_null (stmt, 1, active_on);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_committee_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, committee_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      desk_store_set_sql_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gint64
desk_committee_find (DeskStore  *store,
                     const char *name)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);

  clean = desk_validate_name (name ? name : "", "", NULL);
  if (clean == NULL)
    return 0;
  return find_committee_except (store, clean, 0);
}

gint64
desk_committee_find_short_name (DeskStore  *store,
                                const char *short_name)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);

  if (short_name == NULL)
    return 0;
  clean = g_strstrip (g_strdup (short_name));
  return find_short_name_except (store, clean, 0);
}

/* ------------------------------------------------------------------ */
/* Mediators                                                           */

#define MEDIATOR_COLUMNS \
  "id, name, sex, phone, committee_id, full_time, active_from, active_until, created_at," \
  " updated_at"
#define MEDIATOR_EXISTS "SELECT 1 FROM mediators WHERE id = ?1 AND deleted_at IS NULL"
#define MEDIATOR_USES \
  "SELECT count(*) FROM case_mediators cm JOIN mediation_cases c ON c.id = cm.case_id" \
  " WHERE cm.mediator_id = ?1 AND c.deleted_at IS NULL"

DeskMediator *
desk_mediator_new (void)
{
  return g_new0 (DeskMediator, 1);
}

void
desk_mediator_free (DeskMediator *mediator)
{
  if (mediator == NULL)
    return;
  g_free (mediator->name);
  g_free (mediator->phone);
  g_free (mediator->active_from);
  g_free (mediator->active_until);
  g_free (mediator->created_at);
  g_free (mediator->updated_at);
  g_free (mediator);
}

static DeskMediator *
mediator_from_row (sqlite3_stmt *stmt)
{
  DeskMediator *mediator = desk_mediator_new ();
  const char *sex = (const char *) sqlite3_column_text (stmt, 2);

  mediator->id = sqlite3_column_int64 (stmt, 0);
  mediator->name = desk_sql_dup_text (stmt, 1);
  mediator->sex = sex ? desk_sex_from_label (sex) : DESK_SEX_UNKNOWN;
  mediator->phone = desk_sql_dup_text (stmt, 3);
  mediator->committee_id = sqlite3_column_int64 (stmt, 4);
  mediator->full_time = sqlite3_column_int (stmt, 5) != 0;
  mediator->active_from = desk_sql_dup_text (stmt, 6);
  mediator->active_until = desk_sql_dup_text (stmt, 7);
  mediator->created_at = desk_sql_dup_text (stmt, 8);
  mediator->updated_at = desk_sql_dup_text (stmt, 9);
  return mediator;
}

static gint64
find_mediator_except (DeskStore  *store,
                      const char *name,
                      gint64      committee_id,
                      gint64      except_id)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = desk_store_prepare (store,
                             "SELECT id FROM mediators WHERE name = ?1 AND committee_id = ?2"
                             " AND deleted_at IS NULL AND id <> ?3", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, committee_id);
  sqlite3_bind_int64 (stmt, 3, except_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static gboolean
mediator_check (DeskStore     *store,
                DeskMediator  *mediator,
                GError       **error)
{
  const char *name_field = C_("mediator", "Name");
  const char *committee_field = C_("mediator", "Committee");

  if (!normalise_name (&mediator->name, name_field, error))
    return FALSE;

  if (mediator->sex != DESK_SEX_UNKNOWN && mediator->sex != DESK_SEX_MALE &&
      mediator->sex != DESK_SEX_FEMALE)
    {
      desk_set_field_error (error, C_("mediator", "Sex"), _("choose 男 or 女, or leave it empty"));
      return FALSE;
    }

  if (!normalise_phone (&mediator->phone, C_("mediator", "Phone"), error))
    return FALSE;

  if (mediator->committee_id <= 0)
    {
      desk_set_field_error (error, committee_field,
                            _("choose the committee the mediator belongs to"));
      return FALSE;
    }
  if (!row_exists (store, COMMITTEE_EXISTS, mediator->committee_id))
    {
      desk_set_field_error (error, committee_field,
                            _("the committee is not in the register; choose one from the "
                              "list"));
      return FALSE;
    }

  if (!check_active_dates (&mediator->active_from, &mediator->active_until,
                           C_("mediator", "Active from"), C_("mediator", "Active until"),
                           error))
    return FALSE;

  if (find_mediator_except (store, mediator->name, mediator->committee_id, mediator->id) > 0)
    {
      set_duplicate_error (error, name_field,
                           _("“%s” is already a mediator of this committee"), mediator->name);
      return FALSE;
    }
  return TRUE;
}

static void
bind_mediator (sqlite3_stmt       *stmt,
               const DeskMediator *mediator)
{
  sqlite3_bind_text (stmt, 1, mediator->name, -1, SQLITE_TRANSIENT);
  desk_sql_bind_text_or_null (stmt, 2, desk_sex_label (mediator->sex));
  desk_sql_bind_text_or_null (stmt, 3, mediator->phone);
  sqlite3_bind_int64 (stmt, 4, mediator->committee_id);
  sqlite3_bind_int (stmt, 5, mediator->full_time ? 1 : 0);
  desk_sql_bind_text_or_null (stmt, 6, mediator->active_from);
  desk_sql_bind_text_or_null (stmt, 7, mediator->active_until);
}

gint64
desk_mediator_create (DeskStore     *store,
                      DeskMediator  *mediator,
                      GError       **error)
{
  g_autofree char *now = desk_timestamp ();
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);
  g_return_val_if_fail (mediator != NULL, 0);

  if (!desk_store_begin (store, error))
    return 0;
  mediator->id = 0;
  if (!mediator_check (store, mediator, error))
    goto fail;
  stmt = desk_store_prepare (store,
                             "INSERT INTO mediators (name, sex, phone, committee_id, full_time,"
                             " active_from, active_until, created_at, updated_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)", error);
  if (stmt == NULL)
    goto fail;
  bind_mediator (stmt, mediator);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error))
    goto fail;
  id = desk_store_last_insert_id (store);
  if (!desk_store_commit (store, error))
    return 0;

  mediator->id = id;
  g_free (mediator->created_at);
  mediator->created_at = g_strdup (now);
  g_free (mediator->updated_at);
  mediator->updated_at = g_strdup (now);
  return id;

fail:
  desk_store_rollback (store);
  return 0;
}

DeskMediator *
desk_mediator_get (DeskStore  *store,
                   gint64      id,
                   GError    **error)
{
  sqlite3_stmt *stmt;
  DeskMediator *mediator = NULL;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  stmt = desk_store_prepare (store,
                             "SELECT " MEDIATOR_COLUMNS " FROM mediators"
                             " WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    mediator = mediator_from_row (stmt);
  else if (rc != SQLITE_DONE)
    desk_store_set_sql_error (store, error);
  else
    g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
                 _("The mediator is no longer in the register."));
  sqlite3_reset (stmt);
  return mediator;
}

/**
 * desk_mediator_update:
 *
 * A mediator named in cases stays in their committee (a case's mediators
 * are of the case's own committee): moving is refused; retire them and add
 * them to the other committee.
 */
gboolean
desk_mediator_update (DeskStore     *store,
                      DeskMediator  *mediator,
                      GError       **error)
{
  g_autofree char *now = desk_timestamp ();
  sqlite3_stmt *stmt;
  gint64 old_committee = 0;
  gint64 uses = 0;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (mediator != NULL, FALSE);

  if (!desk_store_begin (store, error))
    return FALSE;
  if (!row_exists (store, MEDIATOR_EXISTS, mediator->id))
    {
      g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
                   _("The mediator is no longer in the register."));
      goto fail;
    }
  if (!mediator_check (store, mediator, error))
    goto fail;
  if (!query_int64 (store, "SELECT committee_id FROM mediators WHERE id = ?1",
                    mediator->id, NULL, &old_committee, error) ||
      !query_int64 (store, MEDIATOR_USES, mediator->id, NULL, &uses, error))
    goto fail;
  if (old_committee != mediator->committee_id && uses > 0)
    {
      desk_set_field_error (error, C_("mediator", "Committee"),
                            _("the mediator has cases in their committee and cannot move "
                              "to another one; retire them with an active-until date and "
                              "add them to the other committee"));
      goto fail;
    }
  stmt = desk_store_prepare (store,
                             "UPDATE mediators SET name = ?1, sex = ?2, phone = ?3,"
                             " committee_id = ?4, full_time = ?5, active_from = ?6,"
                             " active_until = ?7, updated_at = ?8 WHERE id = ?9", error);
  if (stmt == NULL)
    goto fail;
  bind_mediator (stmt, mediator);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 9, mediator->id);
  if (!desk_store_step_done (store, stmt, error))
    goto fail;
  if (!desk_store_commit (store, error))
    return FALSE;
  g_free (mediator->updated_at);
  mediator->updated_at = g_steal_pointer (&now);
  return TRUE;

fail:
  desk_store_rollback (store);
  return FALSE;
}

/**
 * desk_mediator_delete:
 *
 * Deletes a mediator no live case names; otherwise fails with
 * %DESK_RECORD_ERROR_IN_USE: retire them instead.
 */
gboolean
desk_mediator_delete (DeskStore  *store,
                      gint64      id,
                      GError    **error)
{
  g_autoptr(DeskMediator) mediator = NULL;
  gint64 uses;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  mediator = desk_mediator_get (store, id, error);
  if (mediator == NULL)
    return FALSE;
  if (soft_delete (store, MEDIATOR_USES,
                   "UPDATE mediators SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
                   id, &uses, error))
    return TRUE;
  if (uses > 0)
    g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_IN_USE,
                 g_dngettext (GETTEXT_PACKAGE,
                              "“%s” is named in %d case and cannot be deleted; "
                              "retire them with an active-until date instead.",
                              "“%s” is named in %d cases and cannot be deleted; "
                              "retire them with an active-until date instead.", uses),
                 mediator->name, (int) uses);
  return FALSE;
}

gboolean
desk_mediator_retire (DeskStore   *store,
                      gint64       id,
                      const char  *active_until,
                      GError     **error)
{
  g_autoptr(DeskMediator) mediator = desk_mediator_get (store, id, error);

  if (mediator == NULL)
    return FALSE;
  g_free (mediator->active_until);
  mediator->active_until = g_strdup (active_until);
  return desk_mediator_update (store, mediator, error);
}

/**
 * desk_mediator_list:
 * @committee_id: one committee's mediators, or 0 for all
 * @active_on: (nullable): a day, YYYY-MM-DD: only those active that day
 *
 * Returns: (transfer full) (element-type DeskMediator) (nullable): the
 *   mediators in the order they were entered, or %NULL with @error.
 */
GPtrArray *
desk_mediator_list (DeskStore   *store,
                    gint64       committee_id,
                    const char  *active_on,
                    GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (check_active_on (active_on), NULL);

  stmt = desk_store_prepare (store,
                             "SELECT " MEDIATOR_COLUMNS " FROM mediators"
                             " WHERE deleted_at IS NULL AND (?2 = 0 OR committee_id = ?2)"
                             " AND (?1 IS NULL OR"
                             "  ((active_from IS NULL OR active_from <= ?1) AND"
                             "   (active_until IS NULL OR active_until >= ?1)))"
                             " ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  desk_sql_bind_text_or_null (stmt, 1, active_on);
  sqlite3_bind_int64 (stmt, 2, MAX (committee_id, 0));
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_mediator_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, mediator_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      desk_store_set_sql_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gint64
desk_mediator_find (DeskStore  *store,
                    const char *name,
                    gint64      committee_id)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);

  clean = desk_validate_name (name ? name : "", "", NULL);
  if (clean == NULL)
    return 0;
  return find_mediator_except (store, clean, committee_id, 0);
}
