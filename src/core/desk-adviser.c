/* desk-adviser.c — village legal advisers, their assignments to villages
 * and their service log, with the monthly on-site minimum.
 *
 * Every write is validated first, so that the clerk gets a message next to
 * the field instead of a constraint failure.
 */
#define G_LOG_DOMAIN "desk-adviser"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-adviser.h"
#include "desk-codes.h"
#include "desk-date.h"
#include "desk-sequence.h"
#include "desk-settings.h"
#include "desk-validate.h"

/* The label of 执业类别 whose licence number has 17 digits (data). */
#define PRACTICE_LAWYER "律师"
/* The report row of 服务方式 that counts as on site (data). */
#define MODE_ON_SITE "实地"
/* A longer single service is a typing error. */
#define MAX_HALF_HOURS 48

#define ADVISER_COLUMNS \
  "id, name, sex, phone, practice_type_id, institution, licence_number, term_from," \
  " term_until, created_at, updated_at"
#define ASSIGNMENT_COLUMNS \
  "id, adviser_id, village_id, from_date, until_date, created_at, updated_at"
#define SERVICE_COLUMNS \
  "id, served_on, adviser_id, village_id, mode_id, half_hours, consults, lectures, audience," \
  " mediations, contracts, village_rules, documents, aid_referrals, trainees, leaflets, notes," \
  " created_at, updated_at"

/* Trimmed copy of @text, NULL when empty. */
static char *
clean_text (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

static void
replace (char **field,
         char  *value)
{
  g_free (*field);
  *field = value;
}

static gboolean
row_exists (DeskStore  *store,
            const char *sql,
            gint64      id)
{
  sqlite3_stmt *stmt = desk_store_prepare (store, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gboolean
adviser_exists (DeskStore *store,
                gint64     id)
{
  return id > 0 &&
         row_exists (store, "SELECT 1 FROM advisers WHERE id = ?1 AND deleted_at IS NULL", id);
}

static gboolean
village_exists (DeskStore *store,
                gint64     id)
{
  return id > 0 &&
         row_exists (store, "SELECT 1 FROM villages WHERE id = ?1 AND deleted_at IS NULL", id);
}

/* A date field that may lie in the future; NULL or empty when @optional. */
static gboolean
check_date (char       **date,
            const char  *field,
            gboolean     optional,
            GError     **error)
{
  char *clean;

  replace (date, clean_text (*date));
  if (*date == NULL)
    {
      if (optional)
        return TRUE;
      desk_set_field_error (error, field, _("enter the date"));
      return FALSE;
    }
  clean = desk_date_parse (*date, 0);
  if (clean == NULL)
    {
      desk_set_field_error (error, field, _("“%s” is not a date; write it as 2026-10-01"),
                            *date);
      return FALSE;
    }
  replace (date, clean);
  return TRUE;
}

static void
set_not_found (GError     **error,
               const char  *what)
{
  g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND, "%s", what);
}

/* Runs a write statement that must touch one live row; NOT_FOUND else. */
static gboolean
soft_delete (DeskStore   *store,
             const char  *sql,
             gint64       id,
             const char  *not_found,
             GError     **error)
{
  g_autofree char *now = desk_timestamp ();
  sqlite3_stmt *stmt;

  stmt = desk_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (desk_store_get_db (store)) == 0)
    {
      set_not_found (error, not_found);
      return FALSE;
    }
  return TRUE;
}

/* ---- Advisers ---------------------------------------------------------- */

DeskAdviser *
desk_adviser_new (void)
{
  return g_new0 (DeskAdviser, 1);
}

DeskAdviser *
desk_adviser_copy (const DeskAdviser *adviser)
{
  DeskAdviser *copy;

  g_return_val_if_fail (adviser != NULL, NULL);

  copy = g_memdup2 (adviser, sizeof *adviser);
  copy->name = g_strdup (adviser->name);
  copy->phone = g_strdup (adviser->phone);
  copy->institution = g_strdup (adviser->institution);
  copy->licence_number = g_strdup (adviser->licence_number);
  copy->term_from = g_strdup (adviser->term_from);
  copy->term_until = g_strdup (adviser->term_until);
  copy->created_at = g_strdup (adviser->created_at);
  copy->updated_at = g_strdup (adviser->updated_at);
  return copy;
}

void
desk_adviser_free (DeskAdviser *adviser)
{
  if (adviser == NULL)
    return;
  g_free (adviser->name);
  g_free (adviser->phone);
  g_free (adviser->institution);
  g_free (adviser->licence_number);
  g_free (adviser->term_from);
  g_free (adviser->term_until);
  g_free (adviser->created_at);
  g_free (adviser->updated_at);
  g_free (adviser);
}

static DeskAdviser *
read_adviser (sqlite3_stmt *stmt)
{
  DeskAdviser *adviser = desk_adviser_new ();
  g_autofree char *sex = desk_sql_dup_text (stmt, 2);

  adviser->id = sqlite3_column_int64 (stmt, 0);
  adviser->name = desk_sql_dup_text (stmt, 1);
  adviser->sex = desk_sex_from_label (sex);
  adviser->phone = desk_sql_dup_text (stmt, 3);
  adviser->practice_type_id = sqlite3_column_int64 (stmt, 4);
  adviser->institution = desk_sql_dup_text (stmt, 5);
  adviser->licence_number = desk_sql_dup_text (stmt, 6);
  adviser->term_from = desk_sql_dup_text (stmt, 7);
  adviser->term_until = desk_sql_dup_text (stmt, 8);
  adviser->created_at = desk_sql_dup_text (stmt, 9);
  adviser->updated_at = desk_sql_dup_text (stmt, 10);
  return adviser;
}

gboolean
desk_adviser_validate (DeskStore    *store,
                       DeskAdviser  *adviser,
                       GError      **error)
{
  g_autofree char *practice = NULL;
  char *clean;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (adviser != NULL, FALSE);

  clean = desk_validate_name (adviser->name ? adviser->name : "", _("Adviser's name"), error);
  if (clean == NULL)
    return FALSE;
  replace (&adviser->name, clean);

  if ((guint) adviser->sex > DESK_SEX_FEMALE)
    {
      desk_set_field_error (error, _("Adviser's sex"), _("choose 男 or 女"));
      return FALSE;
    }

  replace (&adviser->phone, clean_text (adviser->phone));
  if (adviser->phone != NULL)
    {
      clean = desk_validate_mobile (adviser->phone, error);
      if (clean == NULL)
        return FALSE;
      replace (&adviser->phone, clean);
    }

  if (adviser->practice_type_id <= 0)
    {
      desk_set_field_error (error, _("Practice type"), _("choose a value from the list"));
      return FALSE;
    }
  if (!desk_codes_check_kind (store, adviser->practice_type_id, DESK_CODE_PRACTICE_TYPE,
                              _("Practice type"), error))
    return FALSE;

  replace (&adviser->institution, clean_text (adviser->institution));
  if (adviser->institution == NULL)
    {
      desk_set_field_error (error, _("Practice institution"),
                            _("enter the law firm or legal service office"));
      return FALSE;
    }

  replace (&adviser->licence_number, clean_text (adviser->licence_number));
  practice = desk_codes_label (store, adviser->practice_type_id);
  if (adviser->licence_number != NULL && g_strcmp0 (practice, PRACTICE_LAWYER) == 0 &&
      (strlen (adviser->licence_number) != 17 ||
       strspn (adviser->licence_number, "0123456789") != 17))
    {
      desk_set_field_error (error, _("Licence number"),
                            _("a lawyer's licence number has 17 digits"));
      return FALSE;
    }

  if (!check_date (&adviser->term_from, _("Term from"), FALSE, error) ||
      !check_date (&adviser->term_until, _("Term until"), TRUE, error))
    return FALSE;
  if (adviser->term_until != NULL && strcmp (adviser->term_until, adviser->term_from) < 0)
    {
      desk_set_field_error (error, _("Term until"), _("%s is before the start %s"),
                            adviser->term_until, adviser->term_from);
      return FALSE;
    }
  return TRUE;
}

/* Another live adviser with @adviser's name and institution. */
static gboolean
check_adviser_key (DeskStore          *store,
                   const DeskAdviser  *adviser,
                   GError            **error)
{
  sqlite3_stmt *stmt;
  gboolean taken;

  stmt = desk_store_prepare (store,
                             "SELECT 1 FROM advisers WHERE name = ?1 AND institution = ?2"
                             " AND id <> ?3 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, adviser->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, adviser->institution, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, adviser->id);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (taken)
    g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE,
                 _("The adviser %s (%s) is already registered."),
                 adviser->name, adviser->institution);
  return !taken;
}

static void
bind_adviser (sqlite3_stmt      *stmt,
              const DeskAdviser *adviser,
              const char        *now)
{
  sqlite3_bind_text (stmt, 2, adviser->name, -1, SQLITE_TRANSIENT);
  desk_sql_bind_text_or_null (stmt, 3, desk_sex_label (adviser->sex));
  desk_sql_bind_text_or_null (stmt, 4, adviser->phone);
  sqlite3_bind_int64 (stmt, 5, adviser->practice_type_id);
  sqlite3_bind_text (stmt, 6, adviser->institution, -1, SQLITE_TRANSIENT);
  desk_sql_bind_text_or_null (stmt, 7, adviser->licence_number);
  sqlite3_bind_text (stmt, 8, adviser->term_from, -1, SQLITE_TRANSIENT);
  desk_sql_bind_text_or_null (stmt, 9, adviser->term_until);
  sqlite3_bind_text (stmt, 10, now, -1, SQLITE_TRANSIENT);
}

gint64
desk_adviser_create (DeskStore    *store,
                     DeskAdviser  *adviser,
                     GError      **error)
{
  g_autofree char *now = desk_timestamp ();
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);
  g_return_val_if_fail (adviser != NULL, 0);

  adviser->id = 0;
  if (!desk_adviser_validate (store, adviser, error) ||
      !check_adviser_key (store, adviser, error))
    return 0;

  if (!desk_store_begin (store, error))
    return 0;
  stmt = desk_store_prepare (store,
                             "INSERT INTO advisers (name, sex, phone, practice_type_id,"
                             " institution, licence_number, term_from, term_until, created_at,"
                             " updated_at) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                             error);
  if (stmt == NULL)
    goto fail;
  bind_adviser (stmt, adviser, now);
  if (!desk_store_step_done (store, stmt, error))
    goto fail;
  id = desk_store_last_insert_id (store);
  if (!desk_store_commit (store, error))
    return 0;
  adviser->id = id;
  replace (&adviser->created_at, g_strdup (now));
  replace (&adviser->updated_at, g_strdup (now));
  return id;

fail:
  desk_store_rollback (store);
  return 0;
}

DeskAdviser *
desk_adviser_get (DeskStore  *store,
                  gint64      id,
                  GError    **error)
{
  sqlite3_stmt *stmt;
  DeskAdviser *adviser = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  stmt = desk_store_prepare (store,
                             "SELECT " ADVISER_COLUMNS " FROM advisers"
                             " WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    adviser = read_adviser (stmt);
  else
    set_not_found (error, _("The legal adviser does not exist or was deleted."));
  sqlite3_reset (stmt);
  return adviser;
}

gboolean
desk_adviser_update (DeskStore    *store,
                     DeskAdviser  *adviser,
                     GError      **error)
{
  g_autofree char *now = desk_timestamp ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (adviser != NULL, FALSE);

  if (!adviser_exists (store, adviser->id))
    {
      set_not_found (error, _("The legal adviser does not exist or was deleted."));
      return FALSE;
    }
  if (!desk_adviser_validate (store, adviser, error) ||
      !check_adviser_key (store, adviser, error))
    return FALSE;

  if (!desk_store_begin (store, error))
    return FALSE;
  stmt = desk_store_prepare (store,
                             "UPDATE advisers SET name = ?2, sex = ?3, phone = ?4,"
                             " practice_type_id = ?5, institution = ?6, licence_number = ?7,"
                             " term_from = ?8, term_until = ?9, updated_at = ?10"
                             " WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, adviser->id);
  bind_adviser (stmt, adviser, now);
  if (!desk_store_step_done (store, stmt, error))
    goto fail;
  if (!desk_store_commit (store, error))
    return FALSE;
  replace (&adviser->updated_at, g_strdup (now));
  return TRUE;

fail:
  desk_store_rollback (store);
  return FALSE;
}

gboolean
desk_adviser_delete (DeskStore  *store,
                     gint64      id,
                     GError    **error)
{
  g_autoptr(DeskAdviser) adviser = NULL;
  g_autofree char *now = desk_timestamp ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  adviser = desk_adviser_get (store, id, error);
  if (adviser == NULL)
    return FALSE;
  if (row_exists (store,
                  "SELECT 1 FROM adviser_services WHERE adviser_id = ?1 AND deleted_at IS NULL",
                  id))
    {
      g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_IN_USE,
                   _("%s has service records: end the term instead of deleting."),
                   adviser->name);
      return FALSE;
    }

  if (!desk_store_begin (store, error))
    return FALSE;
  stmt = desk_store_prepare (store,
                             "UPDATE adviser_assignments SET deleted_at = ?2, updated_at = ?2"
                             " WHERE adviser_id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error))
    goto fail;
  if (!soft_delete (store,
                    "UPDATE advisers SET deleted_at = ?2, updated_at = ?2"
                    " WHERE id = ?1 AND deleted_at IS NULL", id,
                    _("The legal adviser does not exist or was deleted."), error))
    goto fail;
  return desk_store_commit (store, error);

fail:
  desk_store_rollback (store);
  return FALSE;
}

static GArray *
collect_ids (DeskStore     *store,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      desk_store_set_sql_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GArray *
desk_adviser_list (DeskStore  *store,
                   GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  stmt = desk_store_prepare (store,
                             "SELECT id FROM advisers WHERE deleted_at IS NULL ORDER BY id",
                             error);
  if (stmt == NULL)
    return NULL;
  return collect_ids (store, stmt, error);
}

/* Splits "姓名（执业机构）" or "姓名(执业机构)"; FALSE for a bare name. */
static gboolean
split_reference (const char  *reference,
                 char       **name,
                 char       **institution)
{
  static const struct { const char *open, *close; } pairs[] = {
    { "（", "）" },
    { "(", ")" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      const char *open;

      if (!g_str_has_suffix (reference, pairs[i].close))
        continue;
      open = g_strrstr (reference, pairs[i].open);
      if (open == NULL || open == reference)
        continue;
      *name = g_strstrip (g_strndup (reference, open - reference));
      *institution = g_strstrip (g_strndup (open + strlen (pairs[i].open),
                                            strlen (reference) - (open - reference) -
                                            strlen (pairs[i].open) - strlen (pairs[i].close)));
      if (**name != '\0' && **institution != '\0')
        return TRUE;
      g_clear_pointer (name, g_free);
      g_clear_pointer (institution, g_free);
    }
  return FALSE;
}

gint64
desk_adviser_find_by_reference (DeskStore   *store,
                                const char  *reference,
                                GError     **error)
{
  g_autofree char *text = clean_text (reference);
  g_autofree char *name = NULL;
  g_autofree char *institution = NULL;
  g_autoptr(GString) places = g_string_new (NULL);
  sqlite3_stmt *stmt;
  gint64 id = 0;
  guint n = 0;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);

  if (text == NULL)
    {
      desk_set_field_error (error, _("Legal adviser"), _("enter the adviser's name"));
      return 0;
    }

  if (split_reference (text, &name, &institution))
    {
      stmt = desk_store_prepare (store,
                                 "SELECT id FROM advisers WHERE name = ?1 AND institution = ?2"
                                 " AND deleted_at IS NULL", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, institution, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (id > 0)
        return id;
      /* A bare name may itself end in parentheses. */
    }

  stmt = desk_store_prepare (store,
                             "SELECT id, institution FROM advisers"
                             " WHERE name = ?1 AND deleted_at IS NULL ORDER BY id", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      g_string_append_printf (places, "%s%s", n++ ? "、" : "",
                              (const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (n == 1)
    return id;
  if (n > 1)
    desk_set_field_error (error, _("Legal adviser"),
                          _("“%s” is the name of several advisers (%s); write it as "
                            "%s（执业机构）"), text, places->str, text);
  else if (name != NULL)
    desk_set_field_error (error, _("Legal adviser"),
                          _("there is no adviser “%s” of “%s”"), name, institution);
  else
    desk_set_field_error (error, _("Legal adviser"), _("there is no adviser named “%s”"), text);
  return 0;
}

char *
desk_adviser_reference (DeskStore *store,
                        gint64     id)
{
  g_autoptr(DeskAdviser) adviser = NULL;
  sqlite3_stmt *stmt;
  gboolean shared;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  adviser = desk_adviser_get (store, id, NULL);
  if (adviser == NULL)
    return NULL;
  stmt = desk_store_prepare (store,
                             "SELECT 1 FROM advisers WHERE name = ?1 AND id <> ?2"
                             " AND deleted_at IS NULL", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, adviser->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  shared = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (shared)
    return g_strdup_printf ("%s（%s）", adviser->name, adviser->institution);
  return g_strdup (adviser->name);
}

/* ---- Assignments ------------------------------------------------------- */

DeskAdviserAssignment *
desk_adviser_assignment_new (void)
{
  return g_new0 (DeskAdviserAssignment, 1);
}

void
desk_adviser_assignment_free (DeskAdviserAssignment *assignment)
{
  if (assignment == NULL)
    return;
  g_free (assignment->from_date);
  g_free (assignment->until_date);
  g_free (assignment->created_at);
  g_free (assignment->updated_at);
  g_free (assignment);
}

static DeskAdviserAssignment *
read_assignment (sqlite3_stmt *stmt)
{
  DeskAdviserAssignment *a = desk_adviser_assignment_new ();

  a->id = sqlite3_column_int64 (stmt, 0);
  a->adviser_id = sqlite3_column_int64 (stmt, 1);
  a->village_id = sqlite3_column_int64 (stmt, 2);
  a->from_date = desk_sql_dup_text (stmt, 3);
  a->until_date = desk_sql_dup_text (stmt, 4);
  a->created_at = desk_sql_dup_text (stmt, 5);
  a->updated_at = desk_sql_dup_text (stmt, 6);
  return a;
}

gboolean
desk_adviser_assignment_validate (DeskStore              *store,
                                  DeskAdviserAssignment  *assignment,
                                  GError                **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *other_from = NULL;
  g_autofree char *other_until = NULL;
  gboolean overlap = FALSE;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (assignment != NULL, FALSE);

  if (!adviser_exists (store, assignment->adviser_id))
    {
      desk_set_field_error (error, _("Legal adviser"),
                            _("the adviser does not exist or was deleted"));
      return FALSE;
    }
  if (!village_exists (store, assignment->village_id))
    {
      desk_set_field_error (error, _("Village served"),
                            _("the village does not exist or was deleted"));
      return FALSE;
    }
  if (!check_date (&assignment->from_date, _("Serves from"), FALSE, error) ||
      !check_date (&assignment->until_date, _("Serves until"), TRUE, error))
    return FALSE;
  if (assignment->until_date != NULL &&
      strcmp (assignment->until_date, assignment->from_date) < 0)
    {
      desk_set_field_error (error, _("Serves until"), _("%s is before the start %s"),
                            assignment->until_date, assignment->from_date);
      return FALSE;
    }

  /* Two periods overlap when each starts on or before the other's end;
   * an empty end is open. */
  stmt = desk_store_prepare (store,
                             "SELECT from_date, until_date FROM adviser_assignments"
                             " WHERE adviser_id = ?1 AND village_id = ?2 AND id <> ?3"
                             " AND deleted_at IS NULL"
                             " AND from_date <= coalesce (?5, '9999-12-31')"
                             " AND ?4 <= coalesce (until_date, '9999-12-31')"
                             " ORDER BY from_date LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assignment->adviser_id);
  sqlite3_bind_int64 (stmt, 2, assignment->village_id);
  sqlite3_bind_int64 (stmt, 3, assignment->id);
  sqlite3_bind_text (stmt, 4, assignment->from_date, -1, SQLITE_TRANSIENT);
  desk_sql_bind_text_or_null (stmt, 5, assignment->until_date);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      overlap = TRUE;
      other_from = desk_sql_dup_text (stmt, 0);
      other_until = desk_sql_dup_text (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (overlap)
    {
      desk_set_field_error (error, _("Serves from"),
                            _("overlaps the adviser's assignment to this village from %s "
                              "until %s"),
                            other_from, other_until ? other_until : _("no end date"));
      return FALSE;
    }
  return TRUE;
}

gint64
desk_adviser_assignment_create (DeskStore              *store,
                                DeskAdviserAssignment  *assignment,
                                GError                **error)
{
  g_autofree char *now = desk_timestamp ();
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);
  g_return_val_if_fail (assignment != NULL, 0);

  assignment->id = 0;
  if (!desk_adviser_assignment_validate (store, assignment, error))
    return 0;
  if (!desk_store_begin (store, error))
    return 0;
  stmt = desk_store_prepare (store,
                             "INSERT INTO adviser_assignments (adviser_id, village_id, from_date,"
                             " until_date, created_at, updated_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?5)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, assignment->adviser_id);
  sqlite3_bind_int64 (stmt, 2, assignment->village_id);
  sqlite3_bind_text (stmt, 3, assignment->from_date, -1, SQLITE_TRANSIENT);
  desk_sql_bind_text_or_null (stmt, 4, assignment->until_date);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error))
    goto fail;
  id = desk_store_last_insert_id (store);
  if (!desk_store_commit (store, error))
    return 0;
  assignment->id = id;
  replace (&assignment->created_at, g_strdup (now));
  replace (&assignment->updated_at, g_strdup (now));
  return id;

fail:
  desk_store_rollback (store);
  return 0;
}

DeskAdviserAssignment *
desk_adviser_assignment_get (DeskStore  *store,
                             gint64      id,
                             GError    **error)
{
  sqlite3_stmt *stmt;
  DeskAdviserAssignment *assignment = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  stmt = desk_store_prepare (store,
                             "SELECT " ASSIGNMENT_COLUMNS " FROM adviser_assignments"
                             " WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    assignment = read_assignment (stmt);
  else
    set_not_found (error, _("The assignment does not exist or was deleted."));
  sqlite3_reset (stmt);
  return assignment;
}

gboolean
desk_adviser_assignment_update (DeskStore              *store,
                                DeskAdviserAssignment  *assignment,
                                GError                **error)
{
  g_autofree char *now = desk_timestamp ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (assignment != NULL, FALSE);

  if (assignment->id <= 0 ||
      !row_exists (store,
                   "SELECT 1 FROM adviser_assignments WHERE id = ?1 AND deleted_at IS NULL",
                   assignment->id))
    {
      set_not_found (error, _("The assignment does not exist or was deleted."));
      return FALSE;
    }
  if (!desk_adviser_assignment_validate (store, assignment, error))
    return FALSE;
  if (!desk_store_begin (store, error))
    return FALSE;
  stmt = desk_store_prepare (store,
                             "UPDATE adviser_assignments SET adviser_id = ?2, village_id = ?3,"
                             " from_date = ?4, until_date = ?5, updated_at = ?6"
                             " WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, assignment->id);
  sqlite3_bind_int64 (stmt, 2, assignment->adviser_id);
  sqlite3_bind_int64 (stmt, 3, assignment->village_id);
  sqlite3_bind_text (stmt, 4, assignment->from_date, -1, SQLITE_TRANSIENT);
  desk_sql_bind_text_or_null (stmt, 5, assignment->until_date);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error))
    goto fail;
  if (!desk_store_commit (store, error))
    return FALSE;
  replace (&assignment->updated_at, g_strdup (now));
  return TRUE;

fail:
  desk_store_rollback (store);
  return FALSE;
}

gboolean
desk_adviser_assignment_delete (DeskStore  *store,
                                gint64      id,
                                GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  if (!desk_store_begin (store, error))
    return FALSE;
  if (!soft_delete (store,
                    "UPDATE adviser_assignments SET deleted_at = ?2, updated_at = ?2"
                    " WHERE id = ?1 AND deleted_at IS NULL", id,
                    _("The assignment does not exist or was deleted."), error))
    {
      desk_store_rollback (store);
      return FALSE;
    }
  return desk_store_commit (store, error);
}

GPtrArray *
desk_adviser_assignments (DeskStore  *store,
                          gint64      adviser_id,
                          GError    **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  stmt = desk_store_prepare (store,
                             "SELECT " ASSIGNMENT_COLUMNS " FROM adviser_assignments"
                             " WHERE adviser_id = ?1 AND deleted_at IS NULL"
                             " ORDER BY village_id, from_date", error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_adviser_assignment_free);
  sqlite3_bind_int64 (stmt, 1, adviser_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_assignment (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      desk_store_set_sql_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
desk_adviser_assigned_on (DeskStore  *store,
                          gint64      adviser_id,
                          gint64      village_id,
                          const char *date)
{
  sqlite3_stmt *stmt;
  gboolean assigned;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  stmt = desk_store_prepare (store,
                             "SELECT 1 FROM adviser_assignments x"
                             " JOIN advisers a ON a.id = x.adviser_id AND a.deleted_at IS NULL"
                             " WHERE x.adviser_id = ?1 AND x.village_id = ?2"
                             " AND x.deleted_at IS NULL AND x.from_date <= ?3"
                             " AND (x.until_date IS NULL OR x.until_date >= ?3)", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, adviser_id);
  sqlite3_bind_int64 (stmt, 2, village_id);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  assigned = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return assigned;
}

/* ---- Service records --------------------------------------------------- */

/* The ten counts, with the field labels that name them in messages. */
static const struct
{
  const char *field;
  gsize       offset;
} counts[] = {
  { N_("Consultations answered"), G_STRUCT_OFFSET (DeskAdviserService, consults) },
  { N_("Law lectures"), G_STRUCT_OFFSET (DeskAdviserService, lectures) },
  { N_("Lecture audience"), G_STRUCT_OFFSET (DeskAdviserService, audience) },
  { N_("Mediations joined"), G_STRUCT_OFFSET (DeskAdviserService, mediations) },
  { N_("Contracts reviewed"), G_STRUCT_OFFSET (DeskAdviserService, contracts) },
  { N_("Village rules and decisions reviewed"),
    G_STRUCT_OFFSET (DeskAdviserService, village_rules) },
  { N_("Legal documents drafted"), G_STRUCT_OFFSET (DeskAdviserService, documents) },
  { N_("Legal-aid referrals"), G_STRUCT_OFFSET (DeskAdviserService, aid_referrals) },
  { N_("People trained"), G_STRUCT_OFFSET (DeskAdviserService, trainees) },
  { N_("Materials handed out"), G_STRUCT_OFFSET (DeskAdviserService, leaflets) },
};

DeskAdviserService *
desk_adviser_service_new (void)
{
  return g_new0 (DeskAdviserService, 1);
}

void
desk_adviser_service_free (DeskAdviserService *service)
{
  if (service == NULL)
    return;
  g_free (service->served_on);
  g_free (service->notes);
  g_free (service->created_at);
  g_free (service->updated_at);
  g_free (service);
}

static DeskAdviserService *
read_service (sqlite3_stmt *stmt)
{
  DeskAdviserService *s = desk_adviser_service_new ();

  s->id = sqlite3_column_int64 (stmt, 0);
  s->served_on = desk_sql_dup_text (stmt, 1);
  s->adviser_id = sqlite3_column_int64 (stmt, 2);
  s->village_id = sqlite3_column_int64 (stmt, 3);
  s->mode_id = sqlite3_column_int64 (stmt, 4);
  s->half_hours = sqlite3_column_int (stmt, 5);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    G_STRUCT_MEMBER (int, s, counts[i].offset) = sqlite3_column_int (stmt, 6 + i);
  s->notes = desk_sql_dup_text (stmt, 16);
  s->created_at = desk_sql_dup_text (stmt, 17);
  s->updated_at = desk_sql_dup_text (stmt, 18);
  return s;
}

gboolean
desk_adviser_parse_hours (const char  *text,
                          int         *half_hours,
                          GError     **error)
{
  g_autofree char *s = clean_text (text);
  const char *p;
  gint64 whole = 0;
  int half = 0;

  g_return_val_if_fail (half_hours != NULL, FALSE);

  if (s == NULL)
    {
      desk_set_field_error (error, _("Hours"), _("enter the hours, e.g. 2 or 2.5"));
      return FALSE;
    }
  p = s;
  if (!g_ascii_isdigit (*p))
    goto bad;
  while (g_ascii_isdigit (*p))
    {
      whole = whole * 10 + (*p - '0');
      if (whole > MAX_HALF_HOURS)
        goto too_long;
      p++;
    }
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        goto bad;
      /* Only .5 and .0 (with trailing zeros) are halves. */
      if (*p == '5')
        half = 1;
      else if (*p != '0')
        goto bad;
      p++;
      while (*p == '0')
        p++;
    }
  if (*p != '\0')
    goto bad;
  if (whole * 2 + half > MAX_HALF_HOURS)
    goto too_long;
  *half_hours = (int) (whole * 2 + half);
  return TRUE;

bad:
  desk_set_field_error (error, _("Hours"),
                        _("“%s” is not a number of hours in halves, e.g. 2 or 2.5"), s);
  return FALSE;

too_long:
  desk_set_field_error (error, _("Hours"), _("one service lasts at most %d hours"),
                        MAX_HALF_HOURS / 2);
  return FALSE;
}

char *
desk_adviser_format_hours (int half_hours)
{
  if (half_hours % 2 != 0)
    return g_strdup_printf ("%d.5", half_hours / 2);
  return g_strdup_printf ("%d", half_hours / 2);
}

gboolean
desk_adviser_service_validate (DeskStore           *store,
                               DeskAdviserService  *service,
                               GError             **error)
{
  char *clean;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (service != NULL, FALSE);

  replace (&service->served_on, clean_text (service->served_on));
  if (service->served_on == NULL)
    {
      desk_set_field_error (error, _("Service date"), _("enter the date"));
      return FALSE;
    }
  clean = desk_validate_date (service->served_on, _("Service date"), NULL, error);
  if (clean == NULL)
    return FALSE;
  replace (&service->served_on, clean);

  if (!adviser_exists (store, service->adviser_id))
    {
      desk_set_field_error (error, _("Legal adviser"),
                            _("the adviser does not exist or was deleted"));
      return FALSE;
    }
  if (!village_exists (store, service->village_id))
    {
      desk_set_field_error (error, _("Village served"),
                            _("the village does not exist or was deleted"));
      return FALSE;
    }
  if (service->mode_id <= 0)
    {
      desk_set_field_error (error, _("Service mode"), _("choose a value from the list"));
      return FALSE;
    }
  if (!desk_codes_check_kind (store, service->mode_id, DESK_CODE_SERVICE_MODE,
                              _("Service mode"), error))
    return FALSE;

  if (service->half_hours < 0)
    {
      desk_set_field_error (error, _("Hours"), _("enter 0 or more hours"));
      return FALSE;
    }
  if (service->half_hours > MAX_HALF_HOURS)
    {
      desk_set_field_error (error, _("Hours"), _("one service lasts at most %d hours"),
                            MAX_HALF_HOURS / 2);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    if (G_STRUCT_MEMBER (int, service, counts[i].offset) < 0)
      {
        desk_set_field_error (error, _(counts[i].field), _("enter a whole number, 0 or more"));
        return FALSE;
      }
  replace (&service->notes, clean_text (service->notes));
  return TRUE;
}

static void
bind_service (sqlite3_stmt             *stmt,
              const DeskAdviserService *service,
              const char               *now)
{
  sqlite3_bind_text (stmt, 2, service->served_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, service->adviser_id);
  sqlite3_bind_int64 (stmt, 4, service->village_id);
  sqlite3_bind_int64 (stmt, 5, service->mode_id);
  sqlite3_bind_int (stmt, 6, service->half_hours);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    sqlite3_bind_int (stmt, 7 + i, G_STRUCT_MEMBER (int, service, counts[i].offset));
  desk_sql_bind_text_or_null (stmt, 17, service->notes);
  sqlite3_bind_text (stmt, 18, now, -1, SQLITE_TRANSIENT);
}

gint64
desk_adviser_service_create (DeskStore           *store,
                             DeskAdviserService  *service,
                             GError             **error)
{
  g_autofree char *now = desk_timestamp ();
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);
  g_return_val_if_fail (service != NULL, 0);

  service->id = 0;
  if (!desk_adviser_service_validate (store, service, error))
    return 0;
  if (!desk_store_begin (store, error))
    return 0;
  stmt = desk_store_prepare (store,
                             "INSERT INTO adviser_services (served_on, adviser_id, village_id,"
                             " mode_id, half_hours, consults, lectures, audience, mediations,"
                             " contracts, village_rules, documents, aid_referrals, trainees,"
                             " leaflets, notes, created_at, updated_at) VALUES (?2, ?3, ?4, ?5,"
                             " ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?18)",
                             error);
  if (stmt == NULL)
    goto fail;
  bind_service (stmt, service, now);
  if (!desk_store_step_done (store, stmt, error))
    goto fail;
  id = desk_store_last_insert_id (store);
  if (!desk_store_commit (store, error))
    return 0;
  service->id = id;
  replace (&service->created_at, g_strdup (now));
  replace (&service->updated_at, g_strdup (now));
  return id;

fail:
  desk_store_rollback (store);
  return 0;
}

DeskAdviserService *
desk_adviser_service_get (DeskStore  *store,
                          gint64      id,
                          GError    **error)
{
  sqlite3_stmt *stmt;
  DeskAdviserService *service = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  stmt = desk_store_prepare (store,
                             "SELECT " SERVICE_COLUMNS " FROM adviser_services"
                             " WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    service = read_service (stmt);
  else
    set_not_found (error, _("The service record does not exist or was deleted."));
  sqlite3_reset (stmt);
  return service;
}

gboolean
desk_adviser_service_update (DeskStore           *store,
                             DeskAdviserService  *service,
                             GError             **error)
{
  g_autofree char *now = desk_timestamp ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (service != NULL, FALSE);

  if (service->id <= 0 ||
      !row_exists (store, "SELECT 1 FROM adviser_services WHERE id = ?1 AND deleted_at IS NULL",
                   service->id))
    {
      set_not_found (error, _("The service record does not exist or was deleted."));
      return FALSE;
    }
  if (!desk_adviser_service_validate (store, service, error))
    return FALSE;
  if (!desk_store_begin (store, error))
    return FALSE;
  stmt = desk_store_prepare (store,
                             "UPDATE adviser_services SET (served_on, adviser_id, village_id,"
                             " mode_id, half_hours, consults, lectures, audience, mediations,"
                             " contracts, village_rules, documents, aid_referrals, trainees,"
                             " leaflets, notes, updated_at) = (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                             " ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)"
                             " WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, service->id);
  bind_service (stmt, service, now);
  if (!desk_store_step_done (store, stmt, error))
    goto fail;
  if (!desk_store_commit (store, error))
    return FALSE;
  replace (&service->updated_at, g_strdup (now));
  return TRUE;

fail:
  desk_store_rollback (store);
  return FALSE;
}

gboolean
desk_adviser_service_delete (DeskStore  *store,
                             gint64      id,
                             GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  if (!desk_store_begin (store, error))
    return FALSE;
  if (!soft_delete (store,
                    "UPDATE adviser_services SET deleted_at = ?2, updated_at = ?2"
                    " WHERE id = ?1 AND deleted_at IS NULL", id,
                    _("The service record does not exist or was deleted."), error))
    {
      desk_store_rollback (store);
      return FALSE;
    }
  return desk_store_commit (store, error);
}

static gboolean
check_filter_date (const char  *text,
                   const char  *field,
                   char       **out,
                   GError     **error)
{
  *out = NULL;
  if (text == NULL || *text == '\0')
    return TRUE;
  *out = desk_date_parse (text, 0);
  if (*out == NULL)
    {
      desk_set_field_error (error, field, _("“%s” is not a date; write it as 2026-10-01"), text);
      return FALSE;
    }
  return TRUE;
}

GArray *
desk_adviser_service_list (DeskStore                      *store,
                           const DeskAdviserServiceFilter *filter,
                           guint                          *total,
                           GError                        **error)
{
  static const DeskAdviserServiceFilter all = { 0 };
  static const char *where =
    " FROM adviser_services WHERE deleted_at IS NULL"
    " AND (?1 IS NULL OR adviser_id = ?1)"
    " AND (?2 IS NULL OR village_id = ?2)"
    " AND (?3 IS NULL OR served_on >= ?3)"
    " AND (?4 IS NULL OR served_on <= ?4)";
  g_autofree char *sql_count = g_strconcat ("SELECT count(*)", where, NULL);
  g_autofree char *sql_page = g_strconcat ("SELECT id", where,
                                           " ORDER BY served_on, id LIMIT ?5 OFFSET ?6", NULL);
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  if (filter == NULL)
    filter = &all;
  if (!check_filter_date (filter->from, _("Served from"), &from, error) ||
      !check_filter_date (filter->until, _("Served until"), &until, error))
    return NULL;

  if (total != NULL)
    {
      stmt = desk_store_prepare (store, sql_count, error);
      if (stmt == NULL)
        return NULL;
      desk_sql_bind_id_or_null (stmt, 1, filter->adviser_id);
      desk_sql_bind_id_or_null (stmt, 2, filter->village_id);
      desk_sql_bind_text_or_null (stmt, 3, from);
      desk_sql_bind_text_or_null (stmt, 4, until);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          desk_store_set_sql_error (store, error);
          return NULL;
        }
      *total = (guint) sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }

  stmt = desk_store_prepare (store, sql_page, error);
  if (stmt == NULL)
    return NULL;
  desk_sql_bind_id_or_null (stmt, 1, filter->adviser_id);
  desk_sql_bind_id_or_null (stmt, 2, filter->village_id);
  desk_sql_bind_text_or_null (stmt, 3, from);
  desk_sql_bind_text_or_null (stmt, 4, until);
  sqlite3_bind_int64 (stmt, 5, filter->limit > 0 ? (gint64) filter->limit : -1);
  sqlite3_bind_int64 (stmt, 6, filter->offset);
  return collect_ids (store, stmt, error);
}

/* ---- The monthly minimum ----------------------------------------------- */

void
desk_adviser_shortfall_free (DeskAdviserShortfall *shortfall)
{
  if (shortfall == NULL)
    return;
  g_free (shortfall->name);
  g_free (shortfall->institution);
  g_free (shortfall);
}

GPtrArray *
desk_adviser_shortfall (DeskStore  *store,
                        int         year,
                        int         month,
                        GError    **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  int min_visits, min_hours;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  if (year < 1900 || year > 9999 || month < 1 || month > 12)
    {
      desk_set_field_error (error, _("Month"), _("%d-%d is not a month"), year, month);
      return NULL;
    }
  desk_month_bounds (year, month, &first, &last);
  min_visits = desk_settings_get_int (store, "adviser-min-visits");
  min_hours = desk_settings_get_int (store, "adviser-min-hours");

  /* On site is the 服务方式 that counts in the forms' 实地 column. */
  stmt = desk_store_prepare (store,
                             "SELECT a.id, a.name, a.institution, count (s.id),"
                             "  coalesce (sum (s.half_hours), 0)"
                             " FROM advisers a"
                             " LEFT JOIN adviser_services s ON s.adviser_id = a.id"
                             "  AND s.deleted_at IS NULL AND s.served_on BETWEEN ?1 AND ?2"
                             "  AND s.mode_id IN (SELECT id FROM codes"
                             "                    WHERE kind = ?3 AND report_row = ?4)"
                             " WHERE a.deleted_at IS NULL AND EXISTS ("
                             "  SELECT 1 FROM adviser_assignments x"
                             "  WHERE x.adviser_id = a.id AND x.deleted_at IS NULL"
                             "  AND x.from_date <= ?2"
                             "  AND (x.until_date IS NULL OR x.until_date >= ?1))"
                             " GROUP BY a.id ORDER BY a.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, DESK_CODE_SERVICE_MODE, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, MODE_ON_SITE, -1, SQLITE_STATIC);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_adviser_shortfall_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int visits = sqlite3_column_int (stmt, 3);
      int halves = sqlite3_column_int (stmt, 4);
      DeskAdviserShortfall *s;

      if (visits >= min_visits && halves >= 2 * min_hours)
        continue;
      s = g_new0 (DeskAdviserShortfall, 1);
      s->adviser_id = sqlite3_column_int64 (stmt, 0);
      s->name = desk_sql_dup_text (stmt, 1);
      s->institution = desk_sql_dup_text (stmt, 2);
      s->onsite_visits = visits;
      s->onsite_half_hours = halves;
      s->min_visits = min_visits;
      s->min_hours = min_hours;
      g_ptr_array_add (list, s);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      desk_store_set_sql_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
