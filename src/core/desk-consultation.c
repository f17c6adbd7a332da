/* desk-consultation.c — consultations: checks, yearly numbers, links to the
 * case or application opened from them, and filtered lists for the page.
 *
 * The number, its sequence and the row are written in one transaction, so
 * a create that fails anywhere gives no number away.  Lists return ids in
 * the page's order straight from SQL (the consultations_at index serves the
 * period and the order); the page builds rows only for what it shows.
 */
#define G_LOG_DOMAIN "desk-consultation"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-codes.h"
#include "desk-consultation.h"
#include "desk-date.h"
#include "desk-sequence.h"
#include "desk-validate.h"

#define NUMBER_PREFIX "ZX"
#define FIELD_SEPARATOR "："

#define COLUMNS \
  "id, number, at, staff_id, channel_id, person_id, companions, village_id, category_id," \
  " content, reply, result_id, case_id, aid_id, created_at, updated_at"

DeskConsultation *
desk_consultation_new (void)
{
  DeskConsultation *consultation = g_new0 (DeskConsultation, 1);

  consultation->companions = 1;
  return consultation;
}

void
desk_consultation_free (DeskConsultation *consultation)
{
  if (consultation == NULL)
    return;
  g_free (consultation->number);
  g_free (consultation->at);
  g_free (consultation->content);
  g_free (consultation->reply);
  g_free (consultation->created_at);
  g_free (consultation->updated_at);
  g_free (consultation);
}

static DeskConsultation *
from_row (sqlite3_stmt *stmt)
{
  DeskConsultation *c = desk_consultation_new ();

  c->id = sqlite3_column_int64 (stmt, 0);
  c->number = desk_sql_dup_text (stmt, 1);
  c->at = desk_sql_dup_text (stmt, 2);
  c->staff_id = sqlite3_column_int64 (stmt, 3);
  c->channel_id = sqlite3_column_int64 (stmt, 4);
  c->person_id = sqlite3_column_int64 (stmt, 5);
  c->companions = sqlite3_column_int (stmt, 6);
  c->village_id = sqlite3_column_int64 (stmt, 7);
  c->category_id = sqlite3_column_int64 (stmt, 8);
  c->content = desk_sql_dup_text (stmt, 9);
  c->reply = desk_sql_dup_text (stmt, 10);
  c->result_id = sqlite3_column_int64 (stmt, 11);
  c->case_id = sqlite3_column_int64 (stmt, 12);
  c->aid_id = sqlite3_column_int64 (stmt, 13);
  c->created_at = desk_sql_dup_text (stmt, 14);
  c->updated_at = desk_sql_dup_text (stmt, 15);
  return c;
}

static char *
format_number (int year,
               int seq)
{
  return g_strdup_printf (NUMBER_PREFIX "%04d-%04d", year, seq);
}

/**
 * desk_consultation_parse_number:
 * @year: (out) (optional):
 * @seq: (out) (optional):
 *
 * Whether @number is exactly what the program would write: ZX, a 4-digit
 * year, "-", the sequence with at least four digits (0001; 12345 after
 * 9999).
 */
gboolean
desk_consultation_parse_number (const char *number,
                                int        *year,
                                int        *seq)
{
  g_autofree char *canonical = NULL;
  size_t len, digits;
  int y, s;

  if (number == NULL || !g_str_has_prefix (number, NUMBER_PREFIX))
    return FALSE;
  len = strlen (number);
  if (len < 11 || number[6] != '-')
    return FALSE;
  if (strspn (number + 2, "0123456789") != 4)
    return FALSE;
  digits = strspn (number + 7, "0123456789");
  if (digits != len - 7 || digits > 6)
    return FALSE;

  y = atoi (number + 2);
  s = atoi (number + 7);
  canonical = format_number (y, s);
  if (y < 1 || s < 1 || !g_str_equal (canonical, number))
    return FALSE;
  if (year != NULL)
    *year = y;
  if (seq != NULL)
    *seq = s;
  return TRUE;
}

static gboolean
row_exists (DeskStore  *store,
            const char *sql,
            gint64      id)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

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

/* Checks every field but the number, normalising in place. */
static gboolean
check_fields (DeskStore         *store,
              DeskConsultation  *c,
              GError           **error)
{
  const char *staff_field = C_("consultation", "Received by");
  const char *village_field = C_("consultation", "Village");
  char *at;

  at = desk_validate_datetime (c->at ? c->at : "", C_("consultation", "Date and time"),
                               NULL, error);
  if (at == NULL)
    return FALSE;
  g_free (c->at);
  c->at = at;

  if (c->staff_id <= 0)
    {
      desk_set_field_error (error, staff_field,
                            _("choose the staff member who received the visitor"));
      return FALSE;
    }
  if (!row_exists (store, "SELECT 1 FROM staff WHERE id = ?1 AND deleted_at IS NULL",
                   c->staff_id))
    {
      desk_set_field_error (error, staff_field,
                            _("not on the staff list; choose someone from the list"));
      return FALSE;
    }

  if (!desk_codes_check_kind (store, c->channel_id, DESK_CODE_CHANNEL,
                              C_("consultation", "Channel"), error))
    return FALSE;

  if (c->person_id < 0 ||
      (c->person_id > 0 &&
       !row_exists (store, "SELECT 1 FROM people WHERE id = ?1 AND deleted_at IS NULL",
                    c->person_id)))
    {
      desk_set_field_error (error, C_("consultation", "Visitor"),
                            _("not in the register of people; choose the person again, "
                              "or leave it empty for an anonymous visitor"));
      return FALSE;
    }

  if (c->companions < 1)
    {
      desk_set_field_error (error, C_("consultation", "Companions"),
                            _("counts the visitor too, so it is at least 1"));
      return FALSE;
    }

  if (c->village_id < 0 ||
      (c->village_id > 0 &&
       !row_exists (store, "SELECT 1 FROM villages WHERE id = ?1 AND deleted_at IS NULL",
                    c->village_id)))
    {
      desk_set_field_error (error, village_field,
                            _("not in the list of villages and communities; choose one, "
                              "or leave it empty"));
      return FALSE;
    }

  if (!desk_codes_check_kind (store, c->category_id, DESK_CODE_CONSULT_CATEGORY,
                              C_("consultation", "Category"), error))
    return FALSE;

  normalise_optional (&c->content);
  if (c->content == NULL)
    {
      desk_set_field_error (error, C_("consultation", "Content"),
                            _("write down what the visitor asked"));
      return FALSE;
    }
  normalise_optional (&c->reply);

  if (!desk_codes_check_kind (store, c->result_id, DESK_CODE_CONSULT_RESULT,
                              C_("consultation", "Result"), error))
    return FALSE;
  return TRUE;
}

/* The id of the record numbered @number, deleted or not; 0: none. */
static gint64
number_owner (DeskStore  *store,
              const char *number,
              gboolean   *deleted)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = desk_store_prepare (store,
                             "SELECT id, deleted_at IS NOT NULL FROM consultations"
                             " WHERE number = ?1", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      *deleted = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);
  return id;
}

/* A given number: exactly the program's form, the record's year, unused;
 * claimed so that later numbers continue after it.  Without one, the
 * year's next number.  The caller holds the transaction. */
static gboolean
assign_number (DeskStore         *store,
               DeskConsultation  *c,
               int                year,
               int               *seq,
               GError           **error)
{
  const char *field = C_("consultation", "Number");
  gboolean deleted = FALSE;
  int given_year;

  normalise_optional (&c->number);
  if (c->number == NULL)
    {
      if (!desk_sequence_next (store, DESK_CONSULTATION_SCOPE, year, seq, error))
        return FALSE;
      c->number = format_number (year, *seq);
      return TRUE;
    }

  if (!desk_consultation_parse_number (c->number, &given_year, seq))
    {
      desk_set_field_error (error, field,
                            _("“%s” is not a consultation number: numbers are written "
                              "like ZX2026-0001 (leave it empty to have one given)"),
                            c->number);
      return FALSE;
    }
  if (given_year != year)
    {
      desk_set_field_error (error, field,
                            _("%s is a number of %d, but the consultation is of %d"),
                            c->number, given_year, year);
      return FALSE;
    }
  if (number_owner (store, c->number, &deleted) > 0)
    {
      g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE,
                   "%s" FIELD_SEPARATOR "%s", field,
                   deleted ? _("the number was given to a consultation that has since "
                               "been deleted; numbers are never given twice")
                           : _("another consultation already has this number"));
      return FALSE;
    }
  return desk_sequence_claim (store, DESK_CONSULTATION_SCOPE, year, *seq, error);
}

gint64
desk_consultation_create (DeskStore         *store,
                          DeskConsultation  *consultation,
                          GError           **error)
{
  g_autofree char *now = desk_timestamp ();
  sqlite3_stmt *stmt;
  gboolean generated = FALSE;
  int year, seq = 0;
  gint64 id;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);
  g_return_val_if_fail (consultation != NULL, 0);

  if (!desk_store_begin (store, error))
    return 0;
  consultation->id = 0;
  if (!check_fields (store, consultation, error))
    goto fail;
  year = atoi (consultation->at);
  normalise_optional (&consultation->number);
  generated = consultation->number == NULL;
  if (!assign_number (store, consultation, year, &seq, error))
    goto fail;

  stmt = desk_store_prepare (store,
                             "INSERT INTO consultations (number, year, seq, at, staff_id,"
                             " channel_id, person_id, companions, village_id, category_id,"
                             " content, reply, result_id, case_id, aid_id, created_at,"
                             " updated_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                             " ?14, ?15, ?16, ?16)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, consultation->number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_int (stmt, 3, seq);
  sqlite3_bind_text (stmt, 4, consultation->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, consultation->staff_id);
  sqlite3_bind_int64 (stmt, 6, consultation->channel_id);
  desk_sql_bind_id_or_null (stmt, 7, consultation->person_id);
  sqlite3_bind_int (stmt, 8, consultation->companions);
  desk_sql_bind_id_or_null (stmt, 9, consultation->village_id);
  sqlite3_bind_int64 (stmt, 10, consultation->category_id);
  sqlite3_bind_text (stmt, 11, consultation->content, -1, SQLITE_TRANSIENT);
  desk_sql_bind_text_or_null (stmt, 12, consultation->reply);
  sqlite3_bind_int64 (stmt, 13, consultation->result_id);
  desk_sql_bind_id_or_null (stmt, 14, consultation->case_id);
  desk_sql_bind_id_or_null (stmt, 15, consultation->aid_id);
  sqlite3_bind_text (stmt, 16, now, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error))
    goto fail;
  id = desk_store_last_insert_id (store);
  if (!desk_store_commit (store, error))
    goto failed_commit;

  consultation->id = id;
  g_free (consultation->created_at);
  consultation->created_at = g_strdup (now);
  g_free (consultation->updated_at);
  consultation->updated_at = g_strdup (now);
  return id;

fail:
  desk_store_rollback (store);
failed_commit:
  /* A number the program gave is not the record's until it is saved: a
   * second try must ask for a number again, not present this one as given. */
  if (generated)
    g_clear_pointer (&consultation->number, g_free);
  return 0;
}

/**
 * desk_consultation_get:
 *
 * Returns: (transfer full) (nullable): the record, or %NULL with
 *   %DESK_RECORD_ERROR_NOT_FOUND when there is none or it was deleted.
 */
DeskConsultation *
desk_consultation_get (DeskStore  *store,
                       gint64      id,
                       GError    **error)
{
  DeskConsultation *consultation = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  stmt = desk_store_prepare (store,
                             "SELECT " COLUMNS " FROM consultations"
                             " WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    consultation = from_row (stmt);
  else if (rc != SQLITE_DONE)
    desk_store_set_sql_error (store, error);
  else
    g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
                 _("The consultation no longer exists."));
  sqlite3_reset (stmt);
  return consultation;
}

/* The stored number and year of the live record @id. */
static gboolean
stored_number (DeskStore   *store,
               gint64       id,
               char       **number,
               int         *year,
               GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = desk_store_prepare (store,
                             "SELECT number, year FROM consultations"
                             " WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *number = desk_sql_dup_text (stmt, 0);
      *year = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return desk_store_set_sql_error (store, error);
  g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
               _("The consultation no longer exists."));
  return FALSE;
}

/**
 * desk_consultation_update:
 *
 * Saves every field but the number and the links (the case and application
 * links change through desk_consultation_link_case() and _link_aid()).  The
 * number carries the year, so the date cannot move to another year.
 */
gboolean
desk_consultation_update (DeskStore         *store,
                          DeskConsultation  *consultation,
                          GError           **error)
{
  g_autofree char *now = desk_timestamp ();
  g_autofree char *number = NULL;
  sqlite3_stmt *stmt;
  int year = 0;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (consultation != NULL, FALSE);

  if (!desk_store_begin (store, error))
    return FALSE;
  if (!stored_number (store, consultation->id, &number, &year, error))
    goto fail;
  normalise_optional (&consultation->number);
  if (consultation->number != NULL && !g_str_equal (consultation->number, number))
    {
      desk_set_field_error (error, C_("consultation", "Number"),
                            _("a consultation keeps its number %s; it cannot be changed"),
                            number);
      goto fail;
    }
  if (!check_fields (store, consultation, error))
    goto fail;
  if (atoi (consultation->at) != year)
    {
      desk_set_field_error (error, C_("consultation", "Date and time"),
                            _("the year cannot change: the number %s carries the year %d. "
                              "To file the consultation under another year, delete it and "
                              "enter it again"), number, year);
      goto fail;
    }

  stmt = desk_store_prepare (store,
                             "UPDATE consultations SET at = ?2, staff_id = ?3, channel_id = ?4,"
                             " person_id = ?5, companions = ?6, village_id = ?7,"
                             " category_id = ?8, content = ?9, reply = ?10, result_id = ?11,"
                             " updated_at = ?12 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, consultation->id);
  sqlite3_bind_text (stmt, 2, consultation->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, consultation->staff_id);
  sqlite3_bind_int64 (stmt, 4, consultation->channel_id);
  desk_sql_bind_id_or_null (stmt, 5, consultation->person_id);
  sqlite3_bind_int (stmt, 6, consultation->companions);
  desk_sql_bind_id_or_null (stmt, 7, consultation->village_id);
  sqlite3_bind_int64 (stmt, 8, consultation->category_id);
  sqlite3_bind_text (stmt, 9, consultation->content, -1, SQLITE_TRANSIENT);
  desk_sql_bind_text_or_null (stmt, 10, consultation->reply);
  sqlite3_bind_int64 (stmt, 11, consultation->result_id);
  sqlite3_bind_text (stmt, 12, now, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error))
    goto fail;
  if (!desk_store_commit (store, error))
    return FALSE;

  g_free (consultation->number);
  consultation->number = g_steal_pointer (&number);
  g_free (consultation->updated_at);
  consultation->updated_at = g_steal_pointer (&now);
  return TRUE;

fail:
  desk_store_rollback (store);
  return FALSE;
}

/**
 * desk_consultation_delete:
 *
 * Deletes the record (softly: its number stays given and is never given
 * again).
 */
gboolean
desk_consultation_delete (DeskStore  *store,
                          gint64      id,
                          GError    **error)
{
  g_autofree char *now = desk_timestamp ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  if (!desk_store_begin (store, error))
    return FALSE;
  stmt = desk_store_prepare (store,
                             "UPDATE consultations SET deleted_at = ?2, updated_at = ?2"
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
                   _("The consultation no longer exists."));
      goto fail;
    }
  return desk_store_commit (store, error);

fail:
  desk_store_rollback (store);
  return FALSE;
}

gint64
desk_consultation_find (DeskStore  *store,
                        const char *number)
{
  gboolean deleted = FALSE;
  gint64 id;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);

  if (number == NULL)
    return 0;
  id = number_owner (store, number, &deleted);
  return deleted ? 0 : id;
}

/* Sets the link column @sql names ("UPDATE consultations SET <col> = ?2
 * …") after checking the target with @target_sql. */
static gboolean
set_link (DeskStore   *store,
          gint64       id,
          gint64       target_id,
          const char  *target_sql,
          const char  *update_sql,
          const char  *field,
          const char  *missing,
          GError     **error)
{
  g_autofree char *now = desk_timestamp ();
  sqlite3_stmt *stmt;

  if (!desk_store_begin (store, error))
    return FALSE;
  if (!row_exists (store, "SELECT 1 FROM consultations WHERE id = ?1 AND deleted_at IS NULL",
                   id))
    {
      g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
                   _("The consultation no longer exists."));
      goto fail;
    }
  if (target_id < 0 || (target_id > 0 && !row_exists (store, target_sql, target_id)))
    {
      desk_set_field_error (error, field, "%s", missing);
      goto fail;
    }
  stmt = desk_store_prepare (store, update_sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  desk_sql_bind_id_or_null (stmt, 2, target_id);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error))
    goto fail;
  return desk_store_commit (store, error);

fail:
  desk_store_rollback (store);
  return FALSE;
}

/**
 * desk_consultation_link_case:
 * @case_id: the mediation case opened from it, or 0 to remove the link
 *
 * Records the consultation's side of the link; the case keeps its own
 * (mediation_cases.consultation_id).
 */
gboolean
desk_consultation_link_case (DeskStore  *store,
                             gint64      id,
                             gint64      case_id,
                             GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  return set_link (store, id, case_id,
                   "SELECT 1 FROM mediation_cases WHERE id = ?1 AND deleted_at IS NULL",
                   "UPDATE consultations SET case_id = ?2, updated_at = ?3 WHERE id = ?1",
                   C_("consultation", "Mediation case"),
                   _("the mediation case no longer exists"), error);
}

/**
 * desk_consultation_link_aid:
 * @aid_id: the legal-aid application opened from it, or 0 to remove the link
 */
gboolean
desk_consultation_link_aid (DeskStore  *store,
                            gint64      id,
                            gint64      aid_id,
                            GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  return set_link (store, id, aid_id,
                   "SELECT 1 FROM legal_aid WHERE id = ?1 AND deleted_at IS NULL",
                   "UPDATE consultations SET aid_id = ?2, updated_at = ?3 WHERE id = ?1",
                   C_("consultation", "Legal-aid application"),
                   _("the legal-aid application no longer exists"), error);
}

/* The filter's values bound to ?1…?7 of the WHERE clause below.  An open
 * period is bound as bounds that every date-time passes, so that the
 * consultations_at index serves every query. */
#define FILTER_WHERE \
  " WHERE deleted_at IS NULL AND at >= ?1 AND at <= ?2" \
  " AND (?3 = 0 OR channel_id = ?3) AND (?4 = 0 OR category_id = ?4)" \
  " AND (?5 = 0 OR result_id = ?5) AND (?6 = 0 OR village_id = ?6)" \
  " AND (?7 = 0 OR person_id = ?7)"

static void
bind_filter (sqlite3_stmt                 *stmt,
             const DeskConsultationFilter *filter)
{
  static const DeskConsultationFilter all = { 0 };
  g_autofree char *to = NULL;

  if (filter == NULL)
    filter = &all;
  /* "YYYY-MM-DD" sorts before every time of that day; the day's last
   * minute closes the period. */
  to = filter->to ? g_strconcat (filter->to, " 23:59", NULL) : g_strdup ("9999");
  sqlite3_bind_text (stmt, 1, filter->from ? filter->from : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, MAX (filter->channel_id, 0));
  sqlite3_bind_int64 (stmt, 4, MAX (filter->category_id, 0));
  sqlite3_bind_int64 (stmt, 5, MAX (filter->result_id, 0));
  sqlite3_bind_int64 (stmt, 6, MAX (filter->village_id, 0));
  sqlite3_bind_int64 (stmt, 7, MAX (filter->person_id, 0));
}

static gboolean
filter_valid (const DeskConsultationFilter *filter)
{
  return filter == NULL ||
         ((filter->from == NULL || desk_date_valid (filter->from)) &&
          (filter->to == NULL || desk_date_valid (filter->to)));
}

/**
 * desk_consultation_list:
 * @filter: (nullable): what to list; %NULL: every live record
 *
 * Returns: (transfer full) (element-type gint64) (nullable): the ids,
 *   latest first, or %NULL with @error.
 */
GArray *
desk_consultation_list (DeskStore                    *store,
                        const DeskConsultationFilter *filter,
                        GError                      **error)
{
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (filter_valid (filter), NULL);

  stmt = desk_store_prepare (store,
                             "SELECT id FROM consultations" FILTER_WHERE
                             " ORDER BY at DESC, id DESC LIMIT ?8 OFFSET ?9", error);
  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, filter);
  sqlite3_bind_int64 (stmt, 8, filter && filter->limit > 0 ? (gint64) filter->limit : -1);
  sqlite3_bind_int64 (stmt, 9, filter ? (gint64) filter->offset : 0);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
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

gint64
desk_consultation_count (DeskStore                    *store,
                         const DeskConsultationFilter *filter,
                         GError                      **error)
{
  sqlite3_stmt *stmt;
  gint64 n = -1;

  g_return_val_if_fail (DESK_IS_STORE (store), -1);
  g_return_val_if_fail (filter_valid (filter), -1);

  stmt = desk_store_prepare (store, "SELECT count(*) FROM consultations" FILTER_WHERE, error);
  if (stmt == NULL)
    return -1;
  bind_filter (stmt, filter);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    desk_store_set_sql_error (store, error);
  sqlite3_reset (stmt);
  return n;
}
