/* desk-mediation.c — people's-mediation cases: numbering, the checks of
 * domain.md, the status flow, listing with filters, and follow-up visits.
 *
 * Registers (committees, mediators, staff, people) are read with plain SQL
 * here, so that this module needs nothing but the tables.  A write works on
 * a copy of the caller's record inside one transaction and hands the saved
 * values back only after the commit: a refused write changes neither the
 * ledger nor what the clerk typed.
 */
#define G_LOG_DOMAIN "desk-mediation"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-codes.h"
#include "desk-consultation.h"
#include "desk-date.h"
#include "desk-mediation.h"
#include "desk-sequence.h"
#include "desk-settings.h"
#include "desk-validate.h"

/* The example shown when a typed number has another form. */
#define NUMBER_EXAMPLE "（2026）青山人调字第12号"
#define NUMBER_OPEN    "（"
#define NUMBER_CLOSE   "）"
#define NUMBER_MIDDLE  "人调字第"
#define NUMBER_END     "号"

typedef enum
{
  F_NUMBER,
  F_COMMITTEE,
  F_ACCEPTED_ON,
  F_REGISTRAR,
  F_SOURCE,
  F_DISPUTE_TYPE,
  F_DIFFICULTY,
  F_RISK,
  F_PARTIES,
  F_PARTY_COUNT,
  F_MEDIATORS,
  F_STATUS,
  F_CLOSED_ON,
  F_AGREEMENT_FORM,
  F_AGREEMENT_CONTENT,
  F_AGREEMENT_AMOUNT,
  F_PERFORMANCE_MANNER,
  F_PERFORMANCE_TERM,
  F_PERFORMANCE,
  F_CONFIRMED_ON,
  F_PREVENT_SUICIDE,
  F_PREVENT_CRIMINAL,
  F_PREVENT_PETITION,
  F_PREVENT_FIGHT,
  F_RETENTION,
  F_FILED_ON,
  F_CONSULTATION,
  F_VISIT_CASE,
  F_VISIT_DATE,
  F_VISIT_MODE,
  F_SATISFACTION,
} Field;

static const char *const field_labels[] = {
  [F_NUMBER] = N_("Case number"),
  [F_COMMITTEE] = N_("Mediation committee"),
  [F_ACCEPTED_ON] = N_("Date accepted"),
  [F_REGISTRAR] = N_("Registered by"),
  [F_SOURCE] = N_("Case source"),
  [F_DISPUTE_TYPE] = N_("Dispute type"),
  [F_DIFFICULTY] = N_("Difficulty"),
  [F_RISK] = N_("Risk assessment"),
  [F_PARTIES] = N_("Parties"),
  [F_PARTY_COUNT] = N_("Number of parties involved"),
  [F_MEDIATORS] = N_("Mediators"),
  [F_STATUS] = N_("Case status"),
  [F_CLOSED_ON] = N_("Date closed"),
  [F_AGREEMENT_FORM] = N_("Agreement form"),
  [F_AGREEMENT_CONTENT] = N_("Agreement content"),
  [F_AGREEMENT_AMOUNT] = N_("Agreement amount"),
  [F_PERFORMANCE_MANNER] = N_("Manner of performance"),
  [F_PERFORMANCE_TERM] = N_("Performance deadline"),
  [F_PERFORMANCE] = N_("Performance"),
  [F_CONFIRMED_ON] = N_("Judicial confirmation date"),
  [F_PREVENT_SUICIDE] = N_("Suicides prevented (people)"),
  [F_PREVENT_CRIMINAL] = N_("Criminal cases prevented (people)"),
  [F_PREVENT_PETITION] = N_("Mass petitions prevented (people)"),
  [F_PREVENT_FIGHT] = N_("Mass fights prevented (people)"),
  [F_RETENTION] = N_("Dossier retention"),
  [F_FILED_ON] = N_("Date filed"),
  [F_CONSULTATION] = N_("Linked consultation"),
  [F_VISIT_CASE] = N_("Mediation case"),
  [F_VISIT_DATE] = N_("Visit date"),
  [F_VISIT_MODE] = N_("Visit mode"),
  [F_SATISFACTION] = N_("Satisfaction"),
};

static const char *
field (Field f)
{
  return _(field_labels[f]);
}

/* Status labels are data, as stored in mediation_cases.status. */
static const char *const status_labels[] = {
  [DESK_CASE_STATUS_ANY] = NULL,
  [DESK_CASE_ACCEPTED] = "已受理",
  [DESK_CASE_MEDIATING] = "调解中",
  [DESK_CASE_SUCCEEDED] = "调解成功",
  [DESK_CASE_FAILED] = "调解不成功",
  [DESK_CASE_TERMINATED] = "终止",
};

static const char *const role_labels[] = {
  [DESK_CASE_APPLICANT] = "申请人",
  [DESK_CASE_RESPONDENT] = "被申请人",
  [DESK_CASE_THIRD_PARTY] = "第三人",
};

static const char *const agreement_forms[] = { "口头", "书面" };
static const char *const retentions[] = { "短期", "长期", "永久" };

/* The columns of mediation_cases in the order load_case() reads them. */
#define CASE_COLUMNS \
  "id, number, year, seq, committee_id, accepted_on, registrar_id, source_id," \
  " dispute_type_id, difficulty_id, risk_id, party_count, party_count_manual," \
  " summary, request, status, closed_on, agreement_form, agreement_content," \
  " agreement_amount, performance_manner, performance_term, performance_id," \
  " confirmed_on, prevent_suicide, prevent_criminal, prevent_petition," \
  " prevent_fight, retention, filed_on, consultation_id, created_at, updated_at"

#define VISIT_COLUMNS \
  "id, case_id, visited_on, mode_id, visitor, performance_id, satisfaction_id," \
  " notes, created_at, updated_at"

/* Labels and enums ------------------------------------------------------- */

const char *
desk_case_status_label (DeskCaseStatus status)
{
  if ((guint) status >= G_N_ELEMENTS (status_labels))
    return NULL;
  return status_labels[status];
}

DeskCaseStatus
desk_case_status_from_label (const char *label)
{
  for (guint i = DESK_CASE_ACCEPTED; i < G_N_ELEMENTS (status_labels); i++)
    if (g_strcmp0 (status_labels[i], label) == 0)
      return (DeskCaseStatus) i;
  return DESK_CASE_STATUS_ANY;
}

gboolean
desk_case_status_is_closed (DeskCaseStatus status)
{
  return status == DESK_CASE_SUCCEEDED || status == DESK_CASE_FAILED ||
         status == DESK_CASE_TERMINATED;
}

const char *
desk_case_role_label (DeskCaseRole role)
{
  if ((guint) role >= G_N_ELEMENTS (role_labels))
    return NULL;
  return role_labels[role];
}

gboolean
desk_case_role_from_label (const char   *label,
                           DeskCaseRole *role)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_labels); i++)
    if (g_strcmp0 (role_labels[i], label) == 0)
      {
        if (role != NULL)
          *role = (DeskCaseRole) i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
in_list (const char        *text,
         const char *const *list,
         guint              n)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (text, list[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The record ------------------------------------------------------------- */

G_DEFINE_BOXED_TYPE (DeskCase, desk_case, desk_case_copy, desk_case_free)
G_DEFINE_BOXED_TYPE (DeskCaseVisit, desk_case_visit, desk_case_visit_copy,
                     desk_case_visit_free)

DeskCase *
desk_case_new (void)
{
  DeskCase *c = g_new0 (DeskCase, 1);

  c->status = DESK_CASE_ACCEPTED;
  c->agreement_amount = DESK_CASE_NO_AMOUNT;
  c->parties = g_array_new (FALSE, FALSE, sizeof (DeskCaseParty));
  c->mediator_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return c;
}

static void
case_clear (DeskCase *c)
{
  g_free (c->number);
  g_free (c->accepted_on);
  g_free (c->summary);
  g_free (c->request);
  g_free (c->closed_on);
  g_free (c->agreement_form);
  g_free (c->agreement_content);
  g_free (c->performance_manner);
  g_free (c->performance_term);
  g_free (c->confirmed_on);
  g_free (c->retention);
  g_free (c->filed_on);
  g_free (c->created_at);
  g_free (c->updated_at);
  g_clear_pointer (&c->parties, g_array_unref);
  g_clear_pointer (&c->mediator_ids, g_array_unref);
}

void
desk_case_free (DeskCase *mcase)
{
  if (mcase == NULL)
    return;
  case_clear (mcase);
  g_free (mcase);
}

DeskCase *
desk_case_copy (const DeskCase *mcase)
{
  DeskCase *c;

  g_return_val_if_fail (mcase != NULL, NULL);

  c = g_new0 (DeskCase, 1);
  *c = *mcase;
  c->number = g_strdup (mcase->number);
  c->accepted_on = g_strdup (mcase->accepted_on);
  c->summary = g_strdup (mcase->summary);
  c->request = g_strdup (mcase->request);
  c->closed_on = g_strdup (mcase->closed_on);
  c->agreement_form = g_strdup (mcase->agreement_form);
  c->agreement_content = g_strdup (mcase->agreement_content);
  c->performance_manner = g_strdup (mcase->performance_manner);
  c->performance_term = g_strdup (mcase->performance_term);
  c->confirmed_on = g_strdup (mcase->confirmed_on);
  c->retention = g_strdup (mcase->retention);
  c->filed_on = g_strdup (mcase->filed_on);
  c->created_at = g_strdup (mcase->created_at);
  c->updated_at = g_strdup (mcase->updated_at);
  c->parties = g_array_new (FALSE, FALSE, sizeof (DeskCaseParty));
  c->mediator_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (mcase->parties != NULL)
    g_array_append_vals (c->parties, mcase->parties->data, mcase->parties->len);
  if (mcase->mediator_ids != NULL)
    g_array_append_vals (c->mediator_ids, mcase->mediator_ids->data,
                         mcase->mediator_ids->len);
  return c;
}

/* Replaces @dest's contents with @src's and frees the shell of @src. */
static void
case_take (DeskCase *dest,
           DeskCase *src)
{
  case_clear (dest);
  *dest = *src;
  g_free (src);
}

void
desk_case_add_party (DeskCase     *mcase,
                     gint64        person_id,
                     DeskCaseRole  role)
{
  DeskCaseParty party = { person_id, role };

  g_return_if_fail (mcase != NULL);

  if (mcase->parties == NULL)
    mcase->parties = g_array_new (FALSE, FALSE, sizeof (DeskCaseParty));
  g_array_append_val (mcase->parties, party);
}

void
desk_case_add_mediator (DeskCase *mcase,
                        gint64    mediator_id)
{
  g_return_if_fail (mcase != NULL);

  if (mcase->mediator_ids == NULL)
    mcase->mediator_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (mcase->mediator_ids, mediator_id);
}

DeskCaseVisit *
desk_case_visit_new (void)
{
  return g_new0 (DeskCaseVisit, 1);
}

static void
visit_clear (DeskCaseVisit *v)
{
  g_free (v->visited_on);
  g_free (v->visitor);
  g_free (v->notes);
  g_free (v->created_at);
  g_free (v->updated_at);
}

void
desk_case_visit_free (DeskCaseVisit *visit)
{
  if (visit == NULL)
    return;
  visit_clear (visit);
  g_free (visit);
}

DeskCaseVisit *
desk_case_visit_copy (const DeskCaseVisit *visit)
{
  DeskCaseVisit *v;

  g_return_val_if_fail (visit != NULL, NULL);

  v = g_new0 (DeskCaseVisit, 1);
  *v = *visit;
  v->visited_on = g_strdup (visit->visited_on);
  v->visitor = g_strdup (visit->visitor);
  v->notes = g_strdup (visit->notes);
  v->created_at = g_strdup (visit->created_at);
  v->updated_at = g_strdup (visit->updated_at);
  return v;
}

/* Case numbers ----------------------------------------------------------- */

char *
desk_case_number_format (int         year,
                         const char *short_name,
                         int         seq)
{
  g_return_val_if_fail (short_name != NULL, NULL);

  return g_strdup_printf (NUMBER_OPEN "%04d" NUMBER_CLOSE "%s" NUMBER_MIDDLE "%d" NUMBER_END,
                          year, short_name, seq);
}

/**
 * desk_case_number_parse:
 *
 * Reads （YYYY）简称人调字第N号.  N may carry leading zeros (old ledgers write
 * 第001号); the number is then kept as written and its sequence is N.
 */
gboolean
desk_case_number_parse (const char  *number,
                        int         *year,
                        char       **short_name,
                        int         *seq,
                        GError     **error)
{
  const char *p, *middle, *digits;
  gint64 n = 0;
  int y = 0;

  if (number == NULL || !g_str_has_prefix (number, NUMBER_OPEN))
    goto bad;
  p = number + strlen (NUMBER_OPEN);
  for (int i = 0; i < 4; i++, p++)
    {
      if (!g_ascii_isdigit (*p))
        goto bad;
      y = y * 10 + (*p - '0');
    }
  if (!g_str_has_prefix (p, NUMBER_CLOSE))
    goto bad;
  p += strlen (NUMBER_CLOSE);

  middle = g_strrstr (p, NUMBER_MIDDLE);
  if (middle == NULL || middle == p)
    goto bad;
  digits = middle + strlen (NUMBER_MIDDLE);
  for (p = digits; g_ascii_isdigit (*p); p++)
    {
      n = n * 10 + (*p - '0');
      if (n > G_MAXINT32)
        goto bad;
    }
  if (p == digits || n < 1 || y < 1 || !g_str_equal (p, NUMBER_END))
    goto bad;

  if (year != NULL)
    *year = y;
  if (seq != NULL)
    *seq = (int) n;
  if (short_name != NULL)
    {
      const char *start = number + strlen (NUMBER_OPEN) + 4 + strlen (NUMBER_CLOSE);

      *short_name = g_strndup (start, middle - start);
    }
  return TRUE;

bad:
  desk_set_field_error (error, field (F_NUMBER),
                        _("“%s” is not written as a case number, which looks like %s"),
                        number ? number : "", NUMBER_EXAMPLE);
  return FALSE;
}

/* Reading ---------------------------------------------------------------- */

static void
set_not_found (GError **error)
{
  g_set_error_literal (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
                       _("The mediation case does not exist or was deleted."));
}

static DeskCase *
case_from_row (sqlite3_stmt *stmt)
{
  DeskCase *c = desk_case_new ();

  c->id = sqlite3_column_int64 (stmt, 0);
  c->number = desk_sql_dup_text (stmt, 1);
  c->year = sqlite3_column_int (stmt, 2);
  c->seq = sqlite3_column_int (stmt, 3);
  c->committee_id = sqlite3_column_int64 (stmt, 4);
  c->accepted_on = desk_sql_dup_text (stmt, 5);
  c->registrar_id = sqlite3_column_int64 (stmt, 6);
  c->source_id = sqlite3_column_int64 (stmt, 7);
  c->dispute_type_id = sqlite3_column_int64 (stmt, 8);
  c->difficulty_id = sqlite3_column_int64 (stmt, 9);
  c->risk_id = sqlite3_column_int64 (stmt, 10);
  c->party_count = sqlite3_column_int (stmt, 11);
  c->party_count_manual = sqlite3_column_int (stmt, 12) != 0;
  c->summary = desk_sql_dup_text (stmt, 13);
  c->request = desk_sql_dup_text (stmt, 14);
  c->status = desk_case_status_from_label ((const char *) sqlite3_column_text (stmt, 15));
  c->closed_on = desk_sql_dup_text (stmt, 16);
  c->agreement_form = desk_sql_dup_text (stmt, 17);
  c->agreement_content = desk_sql_dup_text (stmt, 18);
  c->agreement_amount = sqlite3_column_type (stmt, 19) == SQLITE_NULL
                        ? DESK_CASE_NO_AMOUNT : sqlite3_column_int64 (stmt, 19);
  c->performance_manner = desk_sql_dup_text (stmt, 20);
  c->performance_term = desk_sql_dup_text (stmt, 21);
  c->performance_id = sqlite3_column_int64 (stmt, 22);
  c->confirmed_on = desk_sql_dup_text (stmt, 23);
  c->prevent_suicide = sqlite3_column_int (stmt, 24);
  c->prevent_criminal = sqlite3_column_int (stmt, 25);
  c->prevent_petition = sqlite3_column_int (stmt, 26);
  c->prevent_fight = sqlite3_column_int (stmt, 27);
  c->retention = desk_sql_dup_text (stmt, 28);
  c->filed_on = desk_sql_dup_text (stmt, 29);
  c->consultation_id = sqlite3_column_int64 (stmt, 30);
  c->created_at = desk_sql_dup_text (stmt, 31);
  c->updated_at = desk_sql_dup_text (stmt, 32);
  return c;
}

static gboolean
load_lists (DeskStore  *store,
            DeskCase   *c,
            GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = desk_store_prepare (store,
                             "SELECT person_id, role FROM case_parties WHERE case_id = ?1"
                             " ORDER BY sort_order, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskCaseRole role = DESK_CASE_APPLICANT;

      desk_case_role_from_label ((const char *) sqlite3_column_text (stmt, 1), &role);
      desk_case_add_party (c, sqlite3_column_int64 (stmt, 0), role);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return desk_store_set_sql_error (store, error);

  stmt = desk_store_prepare (store,
                             "SELECT mediator_id FROM case_mediators WHERE case_id = ?1"
                             " ORDER BY sort_order, mediator_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    desk_case_add_mediator (c, sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return desk_store_set_sql_error (store, error);
  return TRUE;
}

/* The live case @id with its lists, or NULL with NOT_FOUND. */
static DeskCase *
load_case (DeskStore  *store,
           gint64      id,
           GError    **error)
{
  g_autoptr(DeskCase) c = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = desk_store_prepare (store,
                             "SELECT " CASE_COLUMNS " FROM mediation_cases"
                             " WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    c = case_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      desk_store_set_sql_error (store, error);
      return NULL;
    }
  if (c == NULL)
    {
      set_not_found (error);
      return NULL;
    }
  if (!load_lists (store, c, error))
    return NULL;
  return g_steal_pointer (&c);
}

DeskCase *
desk_case_get (DeskStore  *store,
               gint64      id,
               GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_case (store, id, error);
}

gint64
desk_case_find_by_number (DeskStore  *store,
                          const char *number)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);

  if (number == NULL)
    return 0;
  stmt = desk_store_prepare (store,
                             "SELECT id FROM mediation_cases WHERE number = ?1"
                             " AND deleted_at IS NULL", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* Live follow-up visits of a case: how many, and the earliest date. */
static gboolean
visits_of (DeskStore  *store,
           gint64      case_id,
           int        *count,
           char      **earliest,
           GError    **error)
{
  sqlite3_stmt *stmt;

  *count = 0;
  if (earliest != NULL)
    *earliest = NULL;
  if (case_id <= 0)
    return TRUE;
  stmt = desk_store_prepare (store,
                             "SELECT count(*), min (visited_on) FROM case_visits"
                             " WHERE case_id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return desk_store_set_sql_error (store, error);
    }
  *count = sqlite3_column_int (stmt, 0);
  if (earliest != NULL)
    *earliest = desk_sql_dup_text (stmt, 1);
  sqlite3_reset (stmt);
  return TRUE;
}

/* Checks ----------------------------------------------------------------- */

static int
date_year (const char *date)
{
  int year = 0, month, day;

  desk_date_to_ymd (date, &year, &month, &day);
  return year;
}

/* Trims @text; an empty text becomes NULL. */
static void
normalise_text (char **text)
{
  if (*text == NULL)
    return;
  g_strstrip (*text);
  if (**text == '\0')
    g_clear_pointer (text, g_free);
}

static gboolean
set_required (Field    f,
              GError **error)
{
  desk_set_field_error (error, field (f), _("this field is required"));
  return FALSE;
}

/* A date field: empty is allowed unless @required; otherwise any form
 * desk_validate_date() reads, not after @today, normalised in place. */
static gboolean
check_date (char       **date,
            Field        f,
            gboolean     required,
            const char  *today,
            GError     **error)
{
  char *clean;

  normalise_text (date);
  if (*date == NULL)
    return required ? set_required (f, error) : TRUE;
  clean = desk_validate_date (*date, field (f), today, error);
  if (clean == NULL)
    return FALSE;
  g_free (*date);
  *date = clean;
  return TRUE;
}

static gboolean
check_not_before (const char  *date,
                  Field        f,
                  const char  *earlier,
                  Field        earlier_field,
                  GError     **error)
{
  if (date == NULL || earlier == NULL || strcmp (date, earlier) >= 0)
    return TRUE;
  if (earlier_field == F_ACCEPTED_ON)
    desk_set_field_error (error, field (f),
                          _("cannot be before the date accepted (%s)"), earlier);
  else
    desk_set_field_error (error, field (f),
                          _("cannot be before the date closed (%s)"), earlier);
  return FALSE;
}

static gboolean
check_code (DeskStore   *store,
            gint64       id,
            const char  *kind,
            Field        f,
            gboolean     required,
            GError     **error)
{
  if (id <= 0)
    return required ? set_required (f, error) : TRUE;
  return desk_codes_check_kind (store, id, kind, field (f), error);
}

static gboolean
check_count (int      value,
             Field    f,
             GError **error)
{
  if (value >= 0)
    return TRUE;
  desk_set_field_error (error, field (f), _("cannot be negative"));
  return FALSE;
}

static gboolean
only_on_success (const DeskCase  *c,
                 gboolean         present,
                 Field            f,
                 GError         **error)
{
  if (!present || c->status == DESK_CASE_SUCCEEDED)
    return TRUE;
  desk_set_field_error (error, field (f),
                        _("only a successful mediation (%s) has this"),
                        status_labels[DESK_CASE_SUCCEEDED]);
  return FALSE;
}

typedef struct
{
  char *name;
  char *short_name;
  char *active_from;
  char *active_until;
} Committee;

static void
committee_clear (Committee *committee)
{
  g_free (committee->name);
  g_free (committee->short_name);
  g_free (committee->active_from);
  g_free (committee->active_until);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Committee, committee_clear)

static gboolean
load_committee (DeskStore  *store,
                gint64      id,
                Committee  *committee,
                GError    **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  if (id <= 0)
    return set_required (F_COMMITTEE, error);
  stmt = desk_store_prepare (store,
                             "SELECT name, short_name, active_from, active_until"
                             " FROM committees WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      committee->name = desk_sql_dup_text (stmt, 0);
      committee->short_name = desk_sql_dup_text (stmt, 1);
      committee->active_from = desk_sql_dup_text (stmt, 2);
      committee->active_until = desk_sql_dup_text (stmt, 3);
      found = TRUE;
    }
  sqlite3_reset (stmt);
  if (!found)
    desk_set_field_error (error, field (F_COMMITTEE), _("no such committee"));
  return found;
}

static gboolean
row_exists (DeskStore   *store,
            const char  *sql,
            gint64       id,
            GError     **error)
{
  sqlite3_stmt *stmt = desk_store_prepare (store, sql, error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gboolean
check_parties (DeskStore  *store,
               DeskCase   *c,
               GError    **error)
{
  guint applicants = 0;
  sqlite3_stmt *stmt;

  for (guint i = 0; i < c->parties->len; i++)
    {
      DeskCaseParty *party = &g_array_index (c->parties, DeskCaseParty, i);
      g_autofree char *name = NULL;

      if ((guint) party->role >= G_N_ELEMENTS (role_labels))
        {
          desk_set_field_error (error, field (F_PARTIES),
                                _("choose each party's role from the list"));
          return FALSE;
        }
      stmt = desk_store_prepare (store,
                                 "SELECT name FROM people WHERE id = ?1 AND deleted_at IS NULL",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, party->person_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        name = desk_sql_dup_text (stmt, 0);
      sqlite3_reset (stmt);
      if (name == NULL)
        {
          desk_set_field_error (error, field (F_PARTIES),
                                _("each party must be a person or organisation of the register"));
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (g_array_index (c->parties, DeskCaseParty, j).person_id == party->person_id)
          {
            desk_set_field_error (error, field (F_PARTIES), _("“%s” is listed twice"), name);
            return FALSE;
          }
      if (party->role == DESK_CASE_APPLICANT)
        applicants++;
    }
  if (applicants == 0)
    {
      desk_set_field_error (error, field (F_PARTIES), _("a case needs at least one %s"),
                            role_labels[DESK_CASE_APPLICANT]);
      return FALSE;
    }

  if (!c->party_count_manual)
    c->party_count = (int) c->parties->len;
  else if (c->party_count < (int) c->parties->len)
    {
      desk_set_field_error (error, field (F_PARTY_COUNT),
                            _("cannot be less than the number of parties listed (%u)"),
                            c->parties->len);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_mediators (DeskStore       *store,
                 DeskCase        *c,
                 const DeskCase  *old,
                 const Committee *committee,
                 GError         **error)
{
  for (guint i = 0; i < c->mediator_ids->len; i++)
    {
      gint64 id = g_array_index (c->mediator_ids, gint64, i);
      g_autofree char *name = NULL;
      g_autofree char *until = NULL;
      gint64 committee_id = 0;
      gboolean already = FALSE;
      sqlite3_stmt *stmt;

      stmt = desk_store_prepare (store,
                                 "SELECT name, committee_id, active_until FROM mediators"
                                 " WHERE id = ?1 AND deleted_at IS NULL", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          name = desk_sql_dup_text (stmt, 0);
          committee_id = sqlite3_column_int64 (stmt, 1);
          until = desk_sql_dup_text (stmt, 2);
        }
      sqlite3_reset (stmt);
      if (name == NULL)
        {
          desk_set_field_error (error, field (F_MEDIATORS), _("no such mediator"));
          return FALSE;
        }
      if (committee_id != c->committee_id)
        {
          desk_set_field_error (error, field (F_MEDIATORS), _("“%s” is not a mediator of “%s”"),
                                name, committee->name);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (g_array_index (c->mediator_ids, gint64, j) == id)
          {
            desk_set_field_error (error, field (F_MEDIATORS), _("“%s” is listed twice"), name);
            return FALSE;
          }
      /* A mediator who left before the case came in cannot take it; one
       * already on the case stays when they retire later. */
      for (guint j = 0; old != NULL && j < old->mediator_ids->len; j++)
        already |= g_array_index (old->mediator_ids, gint64, j) == id;
      if (!already && until != NULL && strcmp (until, c->accepted_on) < 0)
        {
          desk_set_field_error (error, field (F_MEDIATORS),
                                _("“%s” left the committee on %s, before the case was accepted"),
                                name, until);
          return FALSE;
        }
    }
  return TRUE;
}

/* The status flow: 已受理 → 调解中 → 调解成功 | 调解不成功 | 终止.  Steps may be
 * skipped forwards (a dispute withdrawn on the day it came in).  A closed
 * case may change its outcome or be reopened to 调解中 to correct a mistake,
 * never back to 已受理; a case with follow-up visits keeps 调解成功. */
static gboolean
check_transition (DeskStore       *store,
                  const DeskCase  *c,
                  const DeskCase  *old,
                  GError         **error)
{
  g_autofree char *earliest = NULL;
  int visits = 0;

  if (old == NULL || old->status == c->status)
    return TRUE;
  if (c->status == DESK_CASE_ACCEPTED ||
      (old->status == DESK_CASE_MEDIATING && !desk_case_status_is_closed (c->status)))
    {
      desk_set_field_error (error, field (F_STATUS), _("a case cannot go back from %s to %s"),
                            status_labels[old->status], status_labels[c->status]);
      return FALSE;
    }
  if (!visits_of (store, c->id, &visits, &earliest, error))
    return FALSE;
  if (visits > 0 && c->status != DESK_CASE_SUCCEEDED)
    {
      desk_set_field_error (error, field (F_STATUS),
                            _("the case has follow-up visits; delete them before changing "
                              "its outcome"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_consultation (DeskStore  *store,
                    DeskCase   *c,
                    GError    **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *other = NULL;
  gboolean found = FALSE;

  if (c->consultation_id <= 0)
    {
      c->consultation_id = 0;
      return TRUE;
    }
  /* The consultation may already open a live case, another one than this. */
  stmt = desk_store_prepare (store,
                             "SELECT (SELECT m.number FROM mediation_cases m"
                             "         WHERE m.id = k.case_id AND m.id <> ?2"
                             "         AND m.deleted_at IS NULL)"
                             " FROM consultations k WHERE k.id = ?1 AND k.deleted_at IS NULL",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->consultation_id);
  sqlite3_bind_int64 (stmt, 2, c->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      other = desk_sql_dup_text (stmt, 0);
    }
  sqlite3_reset (stmt);
  if (!found)
    {
      desk_set_field_error (error, field (F_CONSULTATION), _("no such consultation"));
      return FALSE;
    }
  if (other != NULL)
    {
      desk_set_field_error (error, field (F_CONSULTATION),
                            _("this consultation already opened case %s"), other);
      return FALSE;
    }
  return TRUE;
}

/* Everything but the number.  @old is the saved case for an update. */
static gboolean
validate_case (DeskStore           *store,
               DeskCase            *c,
               const DeskCase      *old,
               DeskCaseWriteFlags   flags,
               Committee           *committee,
               GError             **error)
{
  g_autofree char *today = desk_today ();
  gboolean closed, lenient = (flags & DESK_CASE_WRITE_LENIENT) != 0;
  int year;

  if (c->parties == NULL)
    c->parties = g_array_new (FALSE, FALSE, sizeof (DeskCaseParty));
  if (c->mediator_ids == NULL)
    c->mediator_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* 调委会 and 受理日期 make the number: fixed once saved. */
  if (!load_committee (store, c->committee_id, committee, error))
    return FALSE;
  if (old != NULL && old->committee_id != c->committee_id)
    {
      desk_set_field_error (error, field (F_COMMITTEE),
                            _("the committee of a registered case cannot change"));
      return FALSE;
    }
  if (!check_date (&c->accepted_on, F_ACCEPTED_ON, TRUE, today, error))
    return FALSE;
  year = date_year (c->accepted_on);
  if (old != NULL && old->year != year)
    {
      desk_set_field_error (error, field (F_ACCEPTED_ON),
                            _("the year of a registered case cannot change: its number "
                              "carries it (%d)"), old->year);
      return FALSE;
    }
  if ((old == NULL || g_strcmp0 (old->accepted_on, c->accepted_on) != 0) &&
      ((committee->active_from != NULL && strcmp (c->accepted_on, committee->active_from) < 0) ||
       (committee->active_until != NULL && strcmp (c->accepted_on, committee->active_until) > 0)))
    {
      desk_set_field_error (error, field (F_ACCEPTED_ON),
                            _("“%s” was not active on that day"), committee->name);
      return FALSE;
    }

  if (c->registrar_id > 0 &&
      !row_exists (store, "SELECT 1 FROM staff WHERE id = ?1 AND deleted_at IS NULL",
                   c->registrar_id, NULL))
    {
      desk_set_field_error (error, field (F_REGISTRAR), _("no such staff member"));
      return FALSE;
    }
  if (c->registrar_id < 0)
    c->registrar_id = 0;

  if (!check_code (store, c->source_id, DESK_CODE_CASE_SOURCE, F_SOURCE, TRUE, error) ||
      !check_code (store, c->dispute_type_id, DESK_CODE_DISPUTE_TYPE, F_DISPUTE_TYPE, TRUE,
                   error) ||
      !check_code (store, c->difficulty_id, DESK_CODE_DIFFICULTY, F_DIFFICULTY, FALSE, error) ||
      !check_code (store, c->risk_id, DESK_CODE_RISK, F_RISK, FALSE, error))
    return FALSE;

  normalise_text (&c->summary);
  normalise_text (&c->request);
  normalise_text (&c->agreement_form);
  normalise_text (&c->agreement_content);
  normalise_text (&c->performance_manner);
  normalise_text (&c->performance_term);
  normalise_text (&c->retention);

  if (!check_parties (store, c, error) ||
      !check_mediators (store, c, old, committee, error))
    return FALSE;

  /* Status and 结案日期 agree; a closed case was closed on or after it
   * came in, and not in the future. */
  if (c->status <= DESK_CASE_STATUS_ANY || (guint) c->status >= G_N_ELEMENTS (status_labels))
    {
      desk_set_field_error (error, field (F_STATUS), _("choose a status from the list"));
      return FALSE;
    }
  if (!check_transition (store, c, old, error))
    return FALSE;
  closed = desk_case_status_is_closed (c->status);
  normalise_text (&c->closed_on);
  if (!closed && c->closed_on != NULL)
    {
      desk_set_field_error (error, field (F_CLOSED_ON),
                            _("a case still open (%s) has no closing date; clear it or "
                              "close the case"), status_labels[c->status]);
      return FALSE;
    }
  if (closed && c->closed_on == NULL)
    {
      desk_set_field_error (error, field (F_CLOSED_ON),
                            _("a closed case (%s) needs the date it was closed"),
                            status_labels[c->status]);
      return FALSE;
    }
  if (!check_date (&c->closed_on, F_CLOSED_ON, FALSE, today, error) ||
      !check_not_before (c->closed_on, F_CLOSED_ON, c->accepted_on, F_ACCEPTED_ON, error))
    return FALSE;
  if (old != NULL && c->closed_on != NULL)
    {
      g_autofree char *earliest = NULL;
      int visits = 0;

      if (!visits_of (store, c->id, &visits, &earliest, error))
        return FALSE;
      if (visits > 0 && strcmp (earliest, c->closed_on) < 0)
        {
          desk_set_field_error (error, field (F_CLOSED_ON),
                                _("a follow-up visit on %s lies before it"), earliest);
          return FALSE;
        }
    }

  /* The agreement. */
  if (c->agreement_form != NULL &&
      !in_list (c->agreement_form, agreement_forms, G_N_ELEMENTS (agreement_forms)))
    {
      desk_set_field_error (error, field (F_AGREEMENT_FORM), _("choose “%s” or “%s”"),
                            agreement_forms[0], agreement_forms[1]);
      return FALSE;
    }
  if (!only_on_success (c, c->agreement_form != NULL, F_AGREEMENT_FORM, error))
    return FALSE;
  if (c->agreement_amount < 0 && c->agreement_amount != DESK_CASE_NO_AMOUNT)
    {
      desk_set_field_error (error, field (F_AGREEMENT_AMOUNT), _("cannot be negative"));
      return FALSE;
    }
  if (c->status == DESK_CASE_SUCCEEDED && !lenient)
    {
      if (c->agreement_form == NULL)
        return set_required (F_AGREEMENT_FORM, error);
      if (c->agreement_content == NULL)
        return set_required (F_AGREEMENT_CONTENT, error);
      if (c->agreement_amount == DESK_CASE_NO_AMOUNT)
        return set_required (F_AGREEMENT_AMOUNT, error);
      if (c->performance_manner == NULL)
        return set_required (F_PERFORMANCE_MANNER, error);
      if (c->performance_term == NULL)
        return set_required (F_PERFORMANCE_TERM, error);
    }

  /* After success: 履行情况 and 司法确认. */
  if (!check_code (store, c->performance_id, DESK_CODE_PERFORMANCE, F_PERFORMANCE, FALSE,
                   error) ||
      !only_on_success (c, c->performance_id > 0, F_PERFORMANCE, error))
    return FALSE;
  if (c->performance_id < 0)
    c->performance_id = 0;
  normalise_text (&c->confirmed_on);
  if (!only_on_success (c, c->confirmed_on != NULL, F_CONFIRMED_ON, error) ||
      !check_date (&c->confirmed_on, F_CONFIRMED_ON, FALSE, today, error) ||
      !check_not_before (c->confirmed_on, F_CONFIRMED_ON, c->closed_on, F_CLOSED_ON, error))
    return FALSE;

  /* 防激化 */
  if (!check_count (c->prevent_suicide, F_PREVENT_SUICIDE, error) ||
      !check_count (c->prevent_criminal, F_PREVENT_CRIMINAL, error) ||
      !check_count (c->prevent_petition, F_PREVENT_PETITION, error) ||
      !check_count (c->prevent_fight, F_PREVENT_FIGHT, error))
    return FALSE;

  /* 卷宗: a dossier is filed once the case is closed. */
  if (c->retention != NULL && !in_list (c->retention, retentions, G_N_ELEMENTS (retentions)))
    {
      desk_set_field_error (error, field (F_RETENTION), _("choose “%s”, “%s” or “%s”"),
                            retentions[0], retentions[1], retentions[2]);
      return FALSE;
    }
  normalise_text (&c->filed_on);
  if (c->filed_on != NULL && !closed)
    {
      desk_set_field_error (error, field (F_FILED_ON), _("only a closed case is filed"));
      return FALSE;
    }
  if (!check_date (&c->filed_on, F_FILED_ON, FALSE, today, error) ||
      !check_not_before (c->filed_on, F_FILED_ON, c->closed_on, F_CLOSED_ON, error))
    return FALSE;

  return check_consultation (store, c, error);
}

/* Writing ---------------------------------------------------------------- */

static char *
sequence_scope (gint64 committee_id)
{
  return g_strdup_printf ("case:%" G_GINT64_FORMAT, committee_id);
}

/* Whether a number (as text, or as committee, year and sequence) was ever
 * given, deleted cases included. */
static gboolean
number_used (DeskStore   *store,
             const char  *number,
             gint64       committee_id,
             int          year,
             int          seq,
             gboolean    *used,
             GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = desk_store_prepare (store,
                             "SELECT 1 FROM mediation_cases WHERE number = ?1"
                             " OR (committee_id = ?2 AND year = ?3 AND seq = ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, committee_id);
  sqlite3_bind_int (stmt, 3, year);
  sqlite3_bind_int (stmt, 4, seq);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return desk_store_set_sql_error (store, error);
  *used = rc == SQLITE_ROW;
  return TRUE;
}

/* Checks a typed number: its form, the year it was accepted, the
 * committee's short name, and that it was never given before. */
static gboolean
check_given_number (DeskStore        *store,
                    DeskCase         *c,
                    const Committee  *committee,
                    GError          **error)
{
  g_autofree char *short_name = NULL;
  int year = date_year (c->accepted_on);
  int number_year, seq;
  gboolean used = TRUE;

  if (!desk_case_number_parse (c->number, &number_year, &short_name, &seq, error))
    return FALSE;
  if (number_year != year)
    {
      desk_set_field_error (error, field (F_NUMBER),
                            _("the year in the number must be the year the case was "
                              "accepted (%d)"), year);
      return FALSE;
    }
  if (!g_str_equal (short_name, committee->short_name))
    {
      desk_set_field_error (error, field (F_NUMBER),
                            _("the number must carry the short name of “%s”: “%s”"),
                            committee->name, committee->short_name);
      return FALSE;
    }
  if (!number_used (store, c->number, c->committee_id, year, seq, &used, error))
    return FALSE;
  if (used)
    {
      desk_set_field_error (error, field (F_NUMBER),
                            _("%s was given before; a case number is never used twice"),
                            c->number);
      return FALSE;
    }
  c->year = year;
  c->seq = seq;
  return TRUE;
}

/* Gives @c its number: the one typed, when it has the right form, or the
 * next of the committee's sequence for the year.  In the transaction. */
static gboolean
assign_number (DeskStore        *store,
               DeskCase         *c,
               const Committee  *committee,
               GError          **error)
{
  g_autofree char *scope = sequence_scope (c->committee_id);
  int year = date_year (c->accepted_on);
  gboolean used = TRUE;

  normalise_text (&c->number);
  if (c->number != NULL)
    return check_given_number (store, c, committee, error) &&
           desk_sequence_claim (store, scope, c->year, c->seq, error);

  /* A committee deleted by mistake may have left numbers with the same
   * short name: skip past them rather than fail. */
  for (guint tries = 0; used; tries++)
    {
      int seq;

      if (tries > 10000 || !desk_sequence_next (store, scope, year, &seq, error))
        {
          if (error != NULL && *error == NULL)
            desk_set_field_error (error, field (F_NUMBER), _("no free number is left"));
          return FALSE;
        }
      g_free (c->number);
      c->number = desk_case_number_format (year, committee->short_name, seq);
      c->year = year;
      c->seq = seq;
      if (!number_used (store, c->number, c->committee_id, year, seq, &used, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
desk_case_validate (DeskStore           *store,
                    DeskCase            *mcase,
                    DeskCaseWriteFlags   flags,
                    GError             **error)
{
  g_auto(Committee) committee = { 0 };
  g_autoptr(DeskCase) work = NULL;
  g_autoptr(DeskCase) old = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (mcase != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (mcase->id > 0 && (old = load_case (store, mcase->id, error)) == NULL)
    return FALSE;
  work = desk_case_copy (mcase);
  if (!validate_case (store, work, old, flags, &committee, error))
    return FALSE;
  normalise_text (&work->number);
  if (old == NULL && work->number != NULL &&
      !check_given_number (store, work, &committee, error))
    return FALSE;
  if (old != NULL && work->number != NULL && !g_str_equal (work->number, old->number))
    {
      desk_set_field_error (error, field (F_NUMBER), _("a case number never changes"));
      return FALSE;
    }
  case_take (mcase, g_steal_pointer (&work));
  return TRUE;
}

/* Binds ?4 … ?30: the columns a case's editor changes. */
static void
bind_body (sqlite3_stmt   *stmt,
           const DeskCase *c)
{
  sqlite3_bind_int64 (stmt, 4, c->committee_id);
  sqlite3_bind_text (stmt, 5, c->accepted_on, -1, SQLITE_TRANSIENT);
  desk_sql_bind_id_or_null (stmt, 6, c->registrar_id);
  sqlite3_bind_int64 (stmt, 7, c->source_id);
  sqlite3_bind_int64 (stmt, 8, c->dispute_type_id);
  desk_sql_bind_id_or_null (stmt, 9, c->difficulty_id);
  desk_sql_bind_id_or_null (stmt, 10, c->risk_id);
  sqlite3_bind_int (stmt, 11, c->party_count);
  sqlite3_bind_int (stmt, 12, c->party_count_manual ? 1 : 0);
  sqlite3_bind_text (stmt, 13, c->summary ? c->summary : "", -1, SQLITE_TRANSIENT);
  desk_sql_bind_text_or_null (stmt, 14, c->request);
  sqlite3_bind_text (stmt, 15, status_labels[c->status], -1, SQLITE_STATIC);
  desk_sql_bind_text_or_null (stmt, 16, c->closed_on);
  desk_sql_bind_text_or_null (stmt, 17, c->agreement_form);
  desk_sql_bind_text_or_null (stmt, 18, c->agreement_content);
  if (c->agreement_amount >= 0)
    sqlite3_bind_int64 (stmt, 19, c->agreement_amount);
  else
    sqlite3_bind_null (stmt, 19);
  desk_sql_bind_text_or_null (stmt, 20, c->performance_manner);
  desk_sql_bind_text_or_null (stmt, 21, c->performance_term);
  desk_sql_bind_id_or_null (stmt, 22, c->performance_id);
  desk_sql_bind_text_or_null (stmt, 23, c->confirmed_on);
  sqlite3_bind_int (stmt, 24, c->prevent_suicide);
  sqlite3_bind_int (stmt, 25, c->prevent_criminal);
  sqlite3_bind_int (stmt, 26, c->prevent_petition);
  sqlite3_bind_int (stmt, 27, c->prevent_fight);
  desk_sql_bind_text_or_null (stmt, 28, c->retention);
  desk_sql_bind_text_or_null (stmt, 29, c->filed_on);
  desk_sql_bind_id_or_null (stmt, 30, c->consultation_id);
}

static gboolean
write_lists (DeskStore       *store,
             const DeskCase  *c,
             GError         **error)
{
  sqlite3_stmt *stmt;

  stmt = desk_store_prepare (store, "DELETE FROM case_parties WHERE case_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->id);
  if (!desk_store_step_done (store, stmt, error))
    return FALSE;
  stmt = desk_store_prepare (store, "DELETE FROM case_mediators WHERE case_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->id);
  if (!desk_store_step_done (store, stmt, error))
    return FALSE;

  for (guint i = 0; i < c->parties->len; i++)
    {
      const DeskCaseParty *party = &g_array_index (c->parties, DeskCaseParty, i);

      stmt = desk_store_prepare (store,
                                 "INSERT INTO case_parties (case_id, person_id, role, sort_order)"
                                 " VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, c->id);
      sqlite3_bind_int64 (stmt, 2, party->person_id);
      sqlite3_bind_text (stmt, 3, role_labels[party->role], -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, (int) i);
      if (!desk_store_step_done (store, stmt, error))
        return FALSE;
    }
  for (guint i = 0; i < c->mediator_ids->len; i++)
    {
      stmt = desk_store_prepare (store,
                                 "INSERT INTO case_mediators (case_id, mediator_id, sort_order)"
                                 " VALUES (?1, ?2, ?3)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, c->id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (c->mediator_ids, gint64, i));
      sqlite3_bind_int (stmt, 3, (int) i);
      if (!desk_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Whether the live consultation @id points back at @case_id. */
static gboolean
consultation_points_at (DeskStore *store,
                        gint64     id,
                        gint64     case_id)
{
  sqlite3_stmt *stmt;
  gboolean found;

  stmt = desk_store_prepare (store,
                             "SELECT 1 FROM consultations WHERE id = ?1 AND case_id = ?2"
                             " AND deleted_at IS NULL", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, case_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* Keeps the consultation's side of the link (consultations.case_id) in
 * step with the case's consultation_id, so that the two records stay
 * linked from either side. */
static gboolean
link_consultation (DeskStore  *store,
                   gint64      case_id,
                   gint64      old_consultation,
                   gint64      new_consultation,
                   GError    **error)
{
  if (old_consultation == new_consultation)
    return TRUE;
  if (old_consultation > 0 && consultation_points_at (store, old_consultation, case_id) &&
      !desk_consultation_link_case (store, old_consultation, 0, error))
    return FALSE;
  if (new_consultation > 0 &&
      !desk_consultation_link_case (store, new_consultation, case_id, error))
    return FALSE;
  return TRUE;
}

static gboolean
insert_case (DeskStore        *store,
             DeskCase         *c,
             DeskCaseWriteFlags flags,
             GError          **error)
{
  g_auto(Committee) committee = { 0 };
  sqlite3_stmt *stmt;

  if (!validate_case (store, c, NULL, flags, &committee, error) ||
      !assign_number (store, c, &committee, error))
    return FALSE;

  c->created_at = desk_timestamp ();
  c->updated_at = g_strdup (c->created_at);
  stmt = desk_store_prepare (store,
                             "INSERT INTO mediation_cases (number, year, seq, committee_id,"
                             " accepted_on, registrar_id, source_id, dispute_type_id,"
                             " difficulty_id, risk_id, party_count, party_count_manual, summary,"
                             " request, status, closed_on, agreement_form, agreement_content,"
                             " agreement_amount, performance_manner, performance_term,"
                             " performance_id, confirmed_on, prevent_suicide, prevent_criminal,"
                             " prevent_petition, prevent_fight, retention, filed_on,"
                             " consultation_id, created_at, updated_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                             " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26,"
                             " ?27, ?28, ?29, ?30, ?31, ?32)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, c->number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, c->year);
  sqlite3_bind_int (stmt, 3, c->seq);
  bind_body (stmt, c);
  sqlite3_bind_text (stmt, 31, c->created_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 32, c->updated_at, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error))
    return FALSE;
  c->id = desk_store_last_insert_id (store);

  return write_lists (store, c, error) &&
         link_consultation (store, c->id, 0, c->consultation_id, error);
}

gint64
desk_case_create (DeskStore           *store,
                  DeskCase            *mcase,
                  DeskCaseWriteFlags   flags,
                  GError             **error)
{
  g_autoptr(DeskCase) work = NULL;
  gint64 id;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);
  g_return_val_if_fail (mcase != NULL, 0);
  g_return_val_if_fail (mcase->id == 0, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  work = desk_case_copy (mcase);
  g_clear_pointer (&work->created_at, g_free);
  g_clear_pointer (&work->updated_at, g_free);
  if (!desk_store_begin (store, error))
    return 0;
  if (!insert_case (store, work, flags, error))
    {
      desk_store_rollback (store);
      return 0;
    }
  if (!desk_store_commit (store, error))
    return 0;

  id = work->id;
  case_take (mcase, g_steal_pointer (&work));
  return id;
}

static gboolean
update_case (DeskStore           *store,
             DeskCase            *c,
             DeskCaseWriteFlags   flags,
             GError             **error)
{
  g_auto(Committee) committee = { 0 };
  g_autoptr(DeskCase) old = NULL;
  sqlite3_stmt *stmt;

  old = load_case (store, c->id, error);
  if (old == NULL)
    return FALSE;
  normalise_text (&c->number);
  if (c->number != NULL && !g_str_equal (c->number, old->number))
    {
      desk_set_field_error (error, field (F_NUMBER), _("a case number never changes"));
      return FALSE;
    }
  if (!validate_case (store, c, old, flags, &committee, error))
    return FALSE;

  g_free (c->number);
  c->number = g_strdup (old->number);
  c->year = old->year;
  c->seq = old->seq;
  g_free (c->created_at);
  c->created_at = g_strdup (old->created_at);
  g_free (c->updated_at);
  c->updated_at = desk_timestamp ();

  stmt = desk_store_prepare (store,
                             "UPDATE mediation_cases SET committee_id = ?4, accepted_on = ?5,"
                             " registrar_id = ?6, source_id = ?7, dispute_type_id = ?8,"
                             " difficulty_id = ?9, risk_id = ?10, party_count = ?11,"
                             " party_count_manual = ?12, summary = ?13, request = ?14,"
                             " status = ?15, closed_on = ?16, agreement_form = ?17,"
                             " agreement_content = ?18, agreement_amount = ?19,"
                             " performance_manner = ?20, performance_term = ?21,"
                             " performance_id = ?22, confirmed_on = ?23, prevent_suicide = ?24,"
                             " prevent_criminal = ?25, prevent_petition = ?26,"
                             " prevent_fight = ?27, retention = ?28, filed_on = ?29,"
                             " consultation_id = ?30, updated_at = ?32"
                             " WHERE id = ?33 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  bind_body (stmt, c);
  sqlite3_bind_text (stmt, 32, c->updated_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 33, c->id);
  if (!desk_store_step_done (store, stmt, error))
    return FALSE;

  return write_lists (store, c, error) &&
         link_consultation (store, c->id, old->consultation_id, c->consultation_id, error);
}

gboolean
desk_case_update (DeskStore           *store,
                  DeskCase            *mcase,
                  DeskCaseWriteFlags   flags,
                  GError             **error)
{
  g_autoptr(DeskCase) work = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (mcase != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (mcase->id <= 0)
    {
      set_not_found (error);
      return FALSE;
    }
  work = desk_case_copy (mcase);
  if (!desk_store_begin (store, error))
    return FALSE;
  if (!update_case (store, work, flags, error))
    {
      desk_store_rollback (store);
      return FALSE;
    }
  if (!desk_store_commit (store, error))
    return FALSE;

  case_take (mcase, g_steal_pointer (&work));
  return TRUE;
}

static gboolean
delete_case (DeskStore  *store,
             gint64      id,
             GError    **error)
{
  g_autofree char *now = desk_timestamp ();
  gint64 consultation_id;
  sqlite3_stmt *stmt;

  stmt = desk_store_prepare (store,
                             "UPDATE mediation_cases SET deleted_at = ?2, updated_at = ?2"
                             " WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (desk_store_get_db (store)) == 0)
    {
      set_not_found (error);
      return FALSE;
    }

  stmt = desk_store_prepare (store,
                             "UPDATE case_visits SET deleted_at = ?2, updated_at = ?2"
                             " WHERE case_id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error))
    return FALSE;

  /* The consultation may open a new case instead. */
  stmt = desk_store_prepare (store, "SELECT consultation_id FROM mediation_cases WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  consultation_id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return link_consultation (store, id, consultation_id, 0, error);
}

gboolean
desk_case_delete (DeskStore  *store,
                  gint64      id,
                  GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!desk_store_begin (store, error))
    return FALSE;
  if (!delete_case (store, id, error))
    {
      desk_store_rollback (store);
      return FALSE;
    }
  return desk_store_commit (store, error);
}

DeskCase *
desk_case_new_from_consultation (DeskStore  *store,
                                 gint64      consultation_id,
                                 GError    **error)
{
  g_autoptr(DeskCase) c = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = desk_store_prepare (store,
                             "SELECT person_id, content FROM consultations"
                             " WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, consultation_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      gint64 person_id = sqlite3_column_int64 (stmt, 0);

      c = desk_case_new ();
      if (person_id > 0)
        desk_case_add_party (c, person_id, DESK_CASE_APPLICANT);
      c->summary = desk_sql_dup_text (stmt, 1);
      c->consultation_id = consultation_id;
      c->accepted_on = desk_today ();
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      desk_store_set_sql_error (store, error);
      return NULL;
    }
  if (c == NULL)
    g_set_error_literal (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
                         _("The consultation does not exist or was deleted."));
  return g_steal_pointer (&c);
}

/* What the editor asks for ------------------------------------------------ */

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  while (g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

GStrv
desk_case_missing_fields (const DeskCase *mcase)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (mcase != NULL, NULL);

  if (mcase->status == DESK_CASE_SUCCEEDED)
    {
      if (is_blank (mcase->agreement_form))
        g_strv_builder_add (builder, field (F_AGREEMENT_FORM));
      if (is_blank (mcase->agreement_content))
        g_strv_builder_add (builder, field (F_AGREEMENT_CONTENT));
      if (mcase->agreement_amount < 0)
        g_strv_builder_add (builder, field (F_AGREEMENT_AMOUNT));
      if (is_blank (mcase->performance_manner))
        g_strv_builder_add (builder, field (F_PERFORMANCE_MANNER));
      if (is_blank (mcase->performance_term))
        g_strv_builder_add (builder, field (F_PERFORMANCE_TERM));
    }
  return g_strv_builder_end (builder);
}

/* Time limits ------------------------------------------------------------ */

char *
desk_case_overdue_cutoff (DeskStore  *store,
                          const char *today)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  /* Concluded within mediation-limit-days of acceptance: accepted that
   * many days before today is the last day still within the limit. */
  now = today != NULL ? g_strdup (today) : desk_today ();
  return desk_date_add_days (now, -desk_settings_get_int (store, "mediation-limit-days") - 1);
}

int
desk_case_overdue_days (DeskStore      *store,
                        const DeskCase *mcase)
{
  g_autofree char *cutoff = NULL;
  int days;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);
  g_return_val_if_fail (mcase != NULL, 0);

  if (desk_case_status_is_closed (mcase->status) || !desk_date_valid (mcase->accepted_on))
    return 0;
  cutoff = desk_case_overdue_cutoff (store, NULL);
  days = desk_date_to_day (cutoff) + 1 - desk_date_to_day (mcase->accepted_on);
  return MAX (days, 0);
}

gboolean
desk_case_follow_up_due (DeskStore      *store,
                         const DeskCase *mcase)
{
  g_autofree char *today = NULL;
  int visits = 0;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (mcase != NULL, FALSE);

  if (mcase->status != DESK_CASE_SUCCEEDED || !desk_date_valid (mcase->closed_on))
    return FALSE;
  today = desk_today ();
  if (desk_date_to_day (today) - desk_date_to_day (mcase->closed_on)
      < desk_settings_get_int (store, "follow-up-days"))
    return FALSE;
  if (!visits_of (store, mcase->id, &visits, NULL, NULL))
    return FALSE;
  return visits == 0;
}

/* Listing ---------------------------------------------------------------- */

/* One WHERE for the page and its count; an unset filter binds NULL or 0. */
#define LIST_WHERE \
  " FROM mediation_cases c WHERE c.deleted_at IS NULL" \
  " AND (?1 IS NULL OR c.accepted_on >= ?1)" \
  " AND (?2 IS NULL OR c.accepted_on <= ?2)" \
  " AND (?3 = 0 OR c.committee_id = ?3)" \
  " AND (?4 = 0 OR c.dispute_type_id = ?4)" \
  " AND (?5 IS NULL OR c.status = ?5)" \
  " AND (?6 = 0 OR EXISTS (SELECT 1 FROM case_mediators m" \
  "                        WHERE m.case_id = c.id AND m.mediator_id = ?6))" \
  " AND (?7 = 0 OR EXISTS (SELECT 1 FROM case_parties p" \
  "                        WHERE p.case_id = c.id AND p.person_id = ?7))" \
  " AND (?8 = 0 OR c.closed_on IS NULL)" \
  " AND (?9 IS NULL OR (c.closed_on IS NULL AND c.accepted_on <= ?9))" \
  " AND (?10 IS NULL OR (c.status = '调解成功' AND c.closed_on <= ?10" \
  "      AND NOT EXISTS (SELECT 1 FROM case_visits v" \
  "                      WHERE v.case_id = c.id AND v.deleted_at IS NULL)))"

static gboolean
check_filter_date (const char  *date,
                   GError     **error)
{
  if (date == NULL || desk_date_valid (date))
    return TRUE;
  desk_set_field_error (error, field (F_ACCEPTED_ON), _("“%s” is not a date"), date);
  return FALSE;
}

static void
bind_filter (DeskStore            *store,
             sqlite3_stmt         *stmt,
             const DeskCaseFilter *f)
{
  desk_sql_bind_text_or_null (stmt, 1, f->from);
  desk_sql_bind_text_or_null (stmt, 2, f->until);
  sqlite3_bind_int64 (stmt, 3, MAX (f->committee_id, 0));
  sqlite3_bind_int64 (stmt, 4, MAX (f->dispute_type_id, 0));
  desk_sql_bind_text_or_null (stmt, 5, desk_case_status_label (f->status));
  sqlite3_bind_int64 (stmt, 6, MAX (f->mediator_id, 0));
  sqlite3_bind_int64 (stmt, 7, MAX (f->person_id, 0));
  sqlite3_bind_int (stmt, 8, f->open_only ? 1 : 0);
  if (f->overdue || f->follow_up_due)
    {
      g_autofree char *today = desk_today ();

      if (f->overdue)
        {
          g_autofree char *cutoff = desk_case_overdue_cutoff (store, today);
          sqlite3_bind_text (stmt, 9, cutoff, -1, SQLITE_TRANSIENT);
        }
      if (f->follow_up_due)
        {
          g_autofree char *cutoff =
            desk_date_add_days (today, -desk_settings_get_int (store, "follow-up-days"));
          sqlite3_bind_text (stmt, 10, cutoff, -1, SQLITE_TRANSIENT);
        }
    }
}

GArray *
desk_case_list (DeskStore            *store,
                const DeskCaseFilter *filter,
                guint                *n_total,
                GError              **error)
{
  static const DeskCaseFilter all = { 0 };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filter == NULL)
    filter = &all;
  if (!check_filter_date (filter->from, error) || !check_filter_date (filter->until, error))
    return NULL;

  stmt = desk_store_prepare (store,
                             "SELECT c.id" LIST_WHERE
                             " ORDER BY c.accepted_on DESC, c.id DESC LIMIT ?11 OFFSET ?12",
                             error);
  if (stmt == NULL)
    return NULL;
  bind_filter (store, stmt, filter);
  sqlite3_bind_int64 (stmt, 11, filter->limit > 0 ? (gint64) filter->limit : -1);
  sqlite3_bind_int64 (stmt, 12, filter->offset);
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

  if (n_total != NULL)
    {
      stmt = desk_store_prepare (store, "SELECT count(*)" LIST_WHERE, error);
      if (stmt == NULL)
        return NULL;
      bind_filter (store, stmt, filter);
      rc = sqlite3_step (stmt);
      *n_total = rc == SQLITE_ROW ? (guint) sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        {
          desk_store_set_sql_error (store, error);
          return NULL;
        }
    }
  return g_steal_pointer (&ids);
}

/* Follow-up visits ------------------------------------------------------- */

static void
set_visit_not_found (GError **error)
{
  g_set_error_literal (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
                       _("The follow-up visit does not exist or was deleted."));
}

static DeskCaseVisit *
visit_from_row (sqlite3_stmt *stmt)
{
  DeskCaseVisit *v = desk_case_visit_new ();

  v->id = sqlite3_column_int64 (stmt, 0);
  v->case_id = sqlite3_column_int64 (stmt, 1);
  v->visited_on = desk_sql_dup_text (stmt, 2);
  v->mode_id = sqlite3_column_int64 (stmt, 3);
  v->visitor = desk_sql_dup_text (stmt, 4);
  v->performance_id = sqlite3_column_int64 (stmt, 5);
  v->satisfaction_id = sqlite3_column_int64 (stmt, 6);
  v->notes = desk_sql_dup_text (stmt, 7);
  v->created_at = desk_sql_dup_text (stmt, 8);
  v->updated_at = desk_sql_dup_text (stmt, 9);
  return v;
}

static DeskCaseVisit *
load_visit (DeskStore  *store,
            gint64      id,
            GError    **error)
{
  DeskCaseVisit *v = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = desk_store_prepare (store,
                             "SELECT " VISIT_COLUMNS " FROM case_visits"
                             " WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    v = visit_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      desk_store_set_sql_error (store, error);
      return NULL;
    }
  if (v == NULL)
    set_visit_not_found (error);
  return v;
}

static gboolean
validate_visit (DeskStore            *store,
                DeskCaseVisit        *v,
                const DeskCaseVisit  *old,
                GError              **error)
{
  g_autofree char *today = desk_today ();
  g_autofree char *status = NULL;
  g_autofree char *closed_on = NULL;
  gboolean found = FALSE;
  sqlite3_stmt *stmt;

  if (old != NULL && old->case_id != v->case_id)
    {
      desk_set_field_error (error, field (F_VISIT_CASE),
                            _("a visit cannot move to another case"));
      return FALSE;
    }
  stmt = desk_store_prepare (store,
                             "SELECT status, closed_on FROM mediation_cases"
                             " WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, v->case_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      status = desk_sql_dup_text (stmt, 0);
      closed_on = desk_sql_dup_text (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (!found)
    {
      desk_set_field_error (error, field (F_VISIT_CASE),
                            _("the mediation case does not exist or was deleted"));
      return FALSE;
    }
  if (g_strcmp0 (status, status_labels[DESK_CASE_SUCCEEDED]) != 0)
    {
      desk_set_field_error (error, field (F_VISIT_CASE),
                            _("follow-up visits are recorded for successful mediations (%s) "
                              "only"), status_labels[DESK_CASE_SUCCEEDED]);
      return FALSE;
    }
  if (!check_date (&v->visited_on, F_VISIT_DATE, TRUE, today, error) ||
      !check_not_before (v->visited_on, F_VISIT_DATE, closed_on, F_CLOSED_ON, error))
    return FALSE;
  if (!check_code (store, v->mode_id, DESK_CODE_VISIT_MODE, F_VISIT_MODE, TRUE, error) ||
      !check_code (store, v->performance_id, DESK_CODE_PERFORMANCE, F_PERFORMANCE, FALSE,
                   error) ||
      !check_code (store, v->satisfaction_id, DESK_CODE_SATISFACTION, F_SATISFACTION, FALSE,
                   error))
    return FALSE;
  if (v->performance_id < 0)
    v->performance_id = 0;
  if (v->satisfaction_id < 0)
    v->satisfaction_id = 0;
  normalise_text (&v->visitor);
  normalise_text (&v->notes);
  return TRUE;
}

/* Binds ?1 … ?7: what a visit's editor changes. */
static void
bind_visit (sqlite3_stmt        *stmt,
            const DeskCaseVisit *v)
{
  sqlite3_bind_int64 (stmt, 1, v->case_id);
  sqlite3_bind_text (stmt, 2, v->visited_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, v->mode_id);
  desk_sql_bind_text_or_null (stmt, 4, v->visitor);
  desk_sql_bind_id_or_null (stmt, 5, v->performance_id);
  desk_sql_bind_id_or_null (stmt, 6, v->satisfaction_id);
  desk_sql_bind_text_or_null (stmt, 7, v->notes);
}

static gboolean
insert_visit (DeskStore      *store,
              DeskCaseVisit  *v,
              GError        **error)
{
  sqlite3_stmt *stmt;

  if (!validate_visit (store, v, NULL, error))
    return FALSE;
  v->created_at = desk_timestamp ();
  v->updated_at = g_strdup (v->created_at);
  stmt = desk_store_prepare (store,
                             "INSERT INTO case_visits (case_id, visited_on, mode_id, visitor,"
                             " performance_id, satisfaction_id, notes, created_at, updated_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;
  bind_visit (stmt, v);
  sqlite3_bind_text (stmt, 8, v->created_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, v->updated_at, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error))
    return FALSE;
  v->id = desk_store_last_insert_id (store);
  return TRUE;
}

gint64
desk_case_visit_create (DeskStore      *store,
                        DeskCaseVisit  *visit,
                        GError        **error)
{
  g_autoptr(DeskCaseVisit) work = NULL;
  gint64 id;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);
  g_return_val_if_fail (visit != NULL, 0);
  g_return_val_if_fail (visit->id == 0, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  work = desk_case_visit_copy (visit);
  g_clear_pointer (&work->created_at, g_free);
  g_clear_pointer (&work->updated_at, g_free);
  if (!desk_store_begin (store, error))
    return 0;
  if (!insert_visit (store, work, error))
    {
      desk_store_rollback (store);
      return 0;
    }
  if (!desk_store_commit (store, error))
    return 0;

  id = work->id;
  visit_clear (visit);
  *visit = *work;
  g_free (g_steal_pointer (&work));
  return id;
}

static gboolean
update_visit (DeskStore      *store,
              DeskCaseVisit  *v,
              GError        **error)
{
  g_autoptr(DeskCaseVisit) old = load_visit (store, v->id, error);
  sqlite3_stmt *stmt;

  if (old == NULL || !validate_visit (store, v, old, error))
    return FALSE;
  g_free (v->created_at);
  v->created_at = g_strdup (old->created_at);
  g_free (v->updated_at);
  v->updated_at = desk_timestamp ();
  stmt = desk_store_prepare (store,
                             "UPDATE case_visits SET visited_on = ?2, mode_id = ?3, visitor = ?4,"
                             " performance_id = ?5, satisfaction_id = ?6, notes = ?7,"
                             " updated_at = ?8 WHERE id = ?9 AND case_id = ?1"
                             " AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  bind_visit (stmt, v);
  sqlite3_bind_text (stmt, 8, v->updated_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 9, v->id);
  return desk_store_step_done (store, stmt, error);
}

gboolean
desk_case_visit_update (DeskStore      *store,
                        DeskCaseVisit  *visit,
                        GError        **error)
{
  g_autoptr(DeskCaseVisit) work = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (visit != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  work = desk_case_visit_copy (visit);
  if (!desk_store_begin (store, error))
    return FALSE;
  if (!update_visit (store, work, error))
    {
      desk_store_rollback (store);
      return FALSE;
    }
  if (!desk_store_commit (store, error))
    return FALSE;

  visit_clear (visit);
  *visit = *work;
  g_free (g_steal_pointer (&work));
  return TRUE;
}

gboolean
desk_case_visit_delete (DeskStore  *store,
                        gint64      id,
                        GError    **error)
{
  g_autofree char *now = desk_timestamp ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = desk_store_prepare (store,
                             "UPDATE case_visits SET deleted_at = ?2, updated_at = ?2"
                             " WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (desk_store_get_db (store)) == 0)
    {
      set_visit_not_found (error);
      return FALSE;
    }
  return TRUE;
}

DeskCaseVisit *
desk_case_visit_get (DeskStore  *store,
                     gint64      id,
                     GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_visit (store, id, error);
}

GPtrArray *
desk_case_visits_list (DeskStore  *store,
                       gint64      case_id,
                       GError    **error)
{
  g_autoptr(GPtrArray) visits =
    g_ptr_array_new_with_free_func ((GDestroyNotify) desk_case_visit_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = desk_store_prepare (store,
                             "SELECT " VISIT_COLUMNS " FROM case_visits"
                             " WHERE case_id = ?1 AND deleted_at IS NULL"
                             " ORDER BY visited_on, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (visits, visit_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      desk_store_set_sql_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&visits);
}
