/* desk-legal-aid.c — legal-aid applications: numbering, the applicant's
 * copy, the status flow with its dates, the forwarding clock and lists.
 *
 * Every write is validated first, so that the clerk gets a message next to
 * the field instead of a constraint failure; the schema's CHECKs remain the
 * last word.
 */
#define G_LOG_DOMAIN "desk-legal-aid"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-codes.h"
#include "desk-consultation.h"
#include "desk-date.h"
#include "desk-legal-aid.h"
#include "desk-person.h"
#include "desk-sequence.h"
#include "desk-settings.h"
#include "desk-validate.h"

/* The status labels are data (the schema's CHECK lists them). */
static const char *const status_labels[DESK_AID_N_STATUSES] = {
  [DESK_AID_STATUS_NONE] = NULL,
  [DESK_AID_STATUS_RECEIVED] = "已接收",
  [DESK_AID_STATUS_SUPPLEMENT] = "材料待补",
  [DESK_AID_STATUS_FORWARDED] = "已转交",
  [DESK_AID_STATUS_CENTRE_ACCEPTED] = "中心已受理",
  [DESK_AID_STATUS_GRANTED] = "决定给予",
  [DESK_AID_STATUS_REFUSED] = "决定不予",
  [DESK_AID_STATUS_ASSIGNED] = "已指派",
  [DESK_AID_STATUS_CLOSED] = "已结案",
  [DESK_AID_STATUS_TERMINATED] = "已终止",
  [DESK_AID_STATUS_WITHDRAWN] = "申请人撤回",
};

#define S(x) (1u << DESK_AID_STATUS_##x)

/* The statuses each status may be followed by in desk_legal_aid_advance(). */
static const guint next_statuses[DESK_AID_N_STATUSES] = {
  [DESK_AID_STATUS_RECEIVED] = S (SUPPLEMENT) | S (FORWARDED) | S (WITHDRAWN),
  [DESK_AID_STATUS_SUPPLEMENT] = S (FORWARDED) | S (WITHDRAWN),
  [DESK_AID_STATUS_FORWARDED] = S (CENTRE_ACCEPTED) | S (WITHDRAWN),
  [DESK_AID_STATUS_CENTRE_ACCEPTED] = S (GRANTED) | S (REFUSED) | S (WITHDRAWN),
  [DESK_AID_STATUS_GRANTED] = S (ASSIGNED) | S (TERMINATED),
  [DESK_AID_STATUS_REFUSED] = S (TERMINATED),
  [DESK_AID_STATUS_ASSIGNED] = S (CLOSED) | S (TERMINATED),
};

#undef S

/* The steps that keep a date, in the order they happen.  closed_on and
 * terminated_on exclude each other, as do decided_on and withdrawn_on, so
 * one linear order serves for "never before an earlier step". */
typedef enum
{
  STEP_SUPPLEMENT,
  STEP_FORWARDED,
  STEP_CENTRE,
  STEP_DECIDED,
  STEP_ASSIGNED,
  STEP_CLOSED,
  STEP_TERMINATED,
  STEP_WITHDRAWN,
  N_STEPS
} Step;

static const struct
{
  const char *field;     /* N_(): translated when shown */
  gsize       offset;    /* the char * date in DeskLegalAid */
} steps[N_STEPS] = {
  { N_("Materials supplement requested on"), G_STRUCT_OFFSET (DeskLegalAid, supplement_on) },
  { N_("Forwarded on"), G_STRUCT_OFFSET (DeskLegalAid, forwarded_on) },
  { N_("Accepted by the centre on"), G_STRUCT_OFFSET (DeskLegalAid, centre_accepted_on) },
  { N_("Decided on"), G_STRUCT_OFFSET (DeskLegalAid, decided_on) },
  { N_("Assigned on"), G_STRUCT_OFFSET (DeskLegalAid, assigned_on) },
  { N_("Closed on"), G_STRUCT_OFFSET (DeskLegalAid, closed_on) },
  { N_("Terminated on"), G_STRUCT_OFFSET (DeskLegalAid, terminated_on) },
  { N_("Withdrawn on"), G_STRUCT_OFFSET (DeskLegalAid, withdrawn_on) },
};

#define T(x) (1u << STEP_##x)

typedef struct
{
  guint allowed;   /* steps whose dates the status may carry */
  guint strict;    /* dates required in strict mode */
  guint lenient;   /* dates required of imported records: those the figures count by */
} StatusSteps;

static const StatusSteps status_steps[DESK_AID_N_STATUSES] = {
  [DESK_AID_STATUS_RECEIVED] = { 0, 0, 0 },
  [DESK_AID_STATUS_SUPPLEMENT] = { T (SUPPLEMENT), T (SUPPLEMENT), 0 },
  [DESK_AID_STATUS_FORWARDED] = { T (SUPPLEMENT) | T (FORWARDED), T (FORWARDED), T (FORWARDED) },
  [DESK_AID_STATUS_CENTRE_ACCEPTED] = { T (SUPPLEMENT) | T (FORWARDED) | T (CENTRE),
                                        T (FORWARDED) | T (CENTRE), T (FORWARDED) },
  [DESK_AID_STATUS_GRANTED] = { T (SUPPLEMENT) | T (FORWARDED) | T (CENTRE) | T (DECIDED),
                                T (FORWARDED) | T (CENTRE) | T (DECIDED),
                                T (FORWARDED) | T (DECIDED) },
  [DESK_AID_STATUS_REFUSED] = { T (SUPPLEMENT) | T (FORWARDED) | T (CENTRE) | T (DECIDED),
                                T (FORWARDED) | T (CENTRE) | T (DECIDED),
                                T (FORWARDED) | T (DECIDED) },
  [DESK_AID_STATUS_ASSIGNED] = { T (SUPPLEMENT) | T (FORWARDED) | T (CENTRE) | T (DECIDED) |
                                 T (ASSIGNED),
                                 T (FORWARDED) | T (CENTRE) | T (DECIDED) | T (ASSIGNED),
                                 T (FORWARDED) | T (DECIDED) },
  [DESK_AID_STATUS_CLOSED] = { T (SUPPLEMENT) | T (FORWARDED) | T (CENTRE) | T (DECIDED) |
                               T (ASSIGNED) | T (CLOSED),
                               T (FORWARDED) | T (CENTRE) | T (DECIDED) | T (ASSIGNED) |
                               T (CLOSED),
                               T (FORWARDED) | T (DECIDED) },
  [DESK_AID_STATUS_TERMINATED] = { T (SUPPLEMENT) | T (FORWARDED) | T (CENTRE) | T (DECIDED) |
                                   T (ASSIGNED) | T (TERMINATED),
                                   T (FORWARDED) | T (CENTRE) | T (DECIDED) | T (TERMINATED),
                                   T (FORWARDED) | T (DECIDED) },
  [DESK_AID_STATUS_WITHDRAWN] = { T (SUPPLEMENT) | T (FORWARDED) | T (CENTRE) | T (WITHDRAWN),
                                  T (WITHDRAWN), T (WITHDRAWN) },
};

#undef T

static const char *const category_labels[DESK_AID_N_CATEGORIES] = {
  "老年人", "残疾人", "未成年人", "女性", "农民工", "农民", "少数民族", "军人军属",
  "外国人或无国籍人", "其他",
};

/* Every column of legal_aid, in the order read_aid() reads them. */
#define AID_COLUMNS \
  "id, number, year, seq, received_at, receiver_id, person_id, agent_name, sex, birth_date," \
  " ethnicity, is_disabled, is_migrant_worker, is_farmer, is_military, is_foreigner," \
  " village_id, matter_type_id, matter_id, hardship_id, has_identity, has_hardship_proof," \
  " has_matter_papers, materials_complete, summary, status, supplement_on, forwarded_on," \
  " forward_mode_id, centre_number, centre_accepted_on, decided_on, decision, assigned_on," \
  " lawyer, law_firm, closed_on, terminated_on, withdrawn_on, consultation_id, created_at," \
  " updated_at"

static char **
step_date (DeskLegalAid *aid,
           Step          step)
{
  return G_STRUCT_MEMBER_P (aid, steps[step].offset);
}

static const char *
step_date_const (const DeskLegalAid *aid,
                 Step                step)
{
  return *(const char *const *) G_STRUCT_MEMBER_P (aid, steps[step].offset);
}

/* The receipt date of @aid ("YYYY-MM-DD"), or NULL. */
static char *
receipt_date (const DeskLegalAid *aid)
{
  if (aid->received_at == NULL || strlen (aid->received_at) < 10)
    return NULL;
  return g_strndup (aid->received_at, 10);
}

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

const char *
desk_aid_status_label (DeskAidStatus status)
{
  if ((guint) status >= DESK_AID_N_STATUSES)
    return NULL;
  return status_labels[status];
}

DeskAidStatus
desk_aid_status_from_label (const char *label)
{
  if (label == NULL)
    return DESK_AID_STATUS_NONE;
  for (guint i = 1; i < DESK_AID_N_STATUSES; i++)
    if (g_str_equal (status_labels[i], label))
      return (DeskAidStatus) i;
  return DESK_AID_STATUS_NONE;
}

gboolean
desk_aid_status_can_advance (DeskAidStatus from,
                             DeskAidStatus to)
{
  if ((guint) from >= DESK_AID_N_STATUSES || (guint) to >= DESK_AID_N_STATUSES)
    return FALSE;
  return (next_statuses[from] & (1u << to)) != 0;
}

const char *
desk_aid_decision_label (DeskAidDecision decision)
{
  switch (decision)
    {
    case DESK_AID_DECISION_GRANT:
      return "给予";
    case DESK_AID_DECISION_REFUSE:
      return "不予";
    case DESK_AID_DECISION_NONE:
    default:
      return NULL;
    }
}

DeskAidDecision
desk_aid_decision_from_label (const char *label)
{
  if (g_strcmp0 (label, "给予") == 0)
    return DESK_AID_DECISION_GRANT;
  if (g_strcmp0 (label, "不予") == 0)
    return DESK_AID_DECISION_REFUSE;
  return DESK_AID_DECISION_NONE;
}

const char *
desk_aid_category_label (DeskAidCategories category)
{
  for (guint i = 0; i < DESK_AID_N_CATEGORIES; i++)
    if ((guint) category == (1u << i))
      return category_labels[i];
  return NULL;
}

/**
 * desk_aid_category_labels:
 *
 * Returns: (transfer full): the labels of @categories in the order of the
 *   受援人类别 sheet.
 */
GStrv
desk_aid_category_labels (DeskAidCategories categories)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < DESK_AID_N_CATEGORIES; i++)
    if (categories & (1u << i))
      g_strv_builder_add (builder, category_labels[i]);
  return g_strv_builder_end (builder);
}

DeskLegalAid *
desk_legal_aid_new (void)
{
  DeskLegalAid *aid = g_new0 (DeskLegalAid, 1);

  aid->status = DESK_AID_STATUS_RECEIVED;
  return aid;
}

DeskLegalAid *
desk_legal_aid_copy (const DeskLegalAid *aid)
{
  DeskLegalAid *copy;

  g_return_val_if_fail (aid != NULL, NULL);

  copy = g_memdup2 (aid, sizeof *aid);
  copy->number = g_strdup (aid->number);
  copy->received_at = g_strdup (aid->received_at);
  copy->agent_name = g_strdup (aid->agent_name);
  copy->birth_date = g_strdup (aid->birth_date);
  copy->ethnicity = g_strdup (aid->ethnicity);
  copy->summary = g_strdup (aid->summary);
  copy->centre_number = g_strdup (aid->centre_number);
  copy->lawyer = g_strdup (aid->lawyer);
  copy->law_firm = g_strdup (aid->law_firm);
  for (guint i = 0; i < N_STEPS; i++)
    *step_date (copy, i) = g_strdup (step_date_const (aid, i));
  copy->created_at = g_strdup (aid->created_at);
  copy->updated_at = g_strdup (aid->updated_at);
  return copy;
}

void
desk_legal_aid_free (DeskLegalAid *aid)
{
  if (aid == NULL)
    return;
  g_free (aid->number);
  g_free (aid->received_at);
  g_free (aid->agent_name);
  g_free (aid->birth_date);
  g_free (aid->ethnicity);
  g_free (aid->summary);
  g_free (aid->centre_number);
  g_free (aid->lawyer);
  g_free (aid->law_firm);
  for (guint i = 0; i < N_STEPS; i++)
    g_free (*step_date (aid, i));
  g_free (aid->created_at);
  g_free (aid->updated_at);
  g_free (aid);
}

static DeskLegalAid *
read_aid (sqlite3_stmt *stmt)
{
  DeskLegalAid *aid = g_new0 (DeskLegalAid, 1);
  g_autofree char *sex = NULL;
  g_autofree char *status = NULL;
  g_autofree char *decision = NULL;

  aid->id = sqlite3_column_int64 (stmt, 0);
  aid->number = desk_sql_dup_text (stmt, 1);
  aid->year = sqlite3_column_int (stmt, 2);
  aid->seq = sqlite3_column_int (stmt, 3);
  aid->received_at = desk_sql_dup_text (stmt, 4);
  aid->receiver_id = sqlite3_column_int64 (stmt, 5);
  aid->person_id = sqlite3_column_int64 (stmt, 6);
  aid->agent_name = desk_sql_dup_text (stmt, 7);
  sex = desk_sql_dup_text (stmt, 8);
  aid->sex = desk_sex_from_label (sex);
  aid->birth_date = desk_sql_dup_text (stmt, 9);
  aid->ethnicity = desk_sql_dup_text (stmt, 10);
  aid->is_disabled = sqlite3_column_int (stmt, 11);
  aid->is_migrant_worker = sqlite3_column_int (stmt, 12);
  aid->is_farmer = sqlite3_column_int (stmt, 13);
  aid->is_military = sqlite3_column_int (stmt, 14);
  aid->is_foreigner = sqlite3_column_int (stmt, 15);
  aid->flags_given = TRUE;
  aid->village_id = sqlite3_column_int64 (stmt, 16);
  aid->matter_type_id = sqlite3_column_int64 (stmt, 17);
  aid->matter_id = sqlite3_column_int64 (stmt, 18);
  aid->hardship_id = sqlite3_column_int64 (stmt, 19);
  aid->has_identity = sqlite3_column_int (stmt, 20);
  aid->has_hardship_proof = sqlite3_column_int (stmt, 21);
  aid->has_matter_papers = sqlite3_column_int (stmt, 22);
  aid->materials_complete = sqlite3_column_int (stmt, 23);
  aid->summary = desk_sql_dup_text (stmt, 24);
  status = desk_sql_dup_text (stmt, 25);
  aid->status = desk_aid_status_from_label (status);
  aid->supplement_on = desk_sql_dup_text (stmt, 26);
  aid->forwarded_on = desk_sql_dup_text (stmt, 27);
  aid->forward_mode_id = sqlite3_column_int64 (stmt, 28);
  aid->centre_number = desk_sql_dup_text (stmt, 29);
  aid->centre_accepted_on = desk_sql_dup_text (stmt, 30);
  aid->decided_on = desk_sql_dup_text (stmt, 31);
  decision = desk_sql_dup_text (stmt, 32);
  aid->decision = desk_aid_decision_from_label (decision);
  aid->assigned_on = desk_sql_dup_text (stmt, 33);
  aid->lawyer = desk_sql_dup_text (stmt, 34);
  aid->law_firm = desk_sql_dup_text (stmt, 35);
  aid->closed_on = desk_sql_dup_text (stmt, 36);
  aid->terminated_on = desk_sql_dup_text (stmt, 37);
  aid->withdrawn_on = desk_sql_dup_text (stmt, 38);
  aid->consultation_id = sqlite3_column_int64 (stmt, 39);
  aid->created_at = desk_sql_dup_text (stmt, 40);
  aid->updated_at = desk_sql_dup_text (stmt, 41);
  return aid;
}

static void
set_not_found (GError **error)
{
  g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
               _("The legal-aid application does not exist or was deleted."));
}

DeskLegalAid *
desk_legal_aid_get (DeskStore  *store,
                    gint64      id,
                    GError    **error)
{
  sqlite3_stmt *stmt;
  DeskLegalAid *aid = NULL;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  stmt = desk_store_prepare (store,
                             "SELECT " AID_COLUMNS " FROM legal_aid"
                             " WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    aid = read_aid (stmt);
  else if (rc == SQLITE_DONE)
    set_not_found (error);
  else
    desk_store_set_sql_error (store, error);
  sqlite3_reset (stmt);
  return aid;
}

DeskLegalAid *
desk_legal_aid_get_by_number (DeskStore   *store,
                              const char  *number,
                              GError     **error)
{
  sqlite3_stmt *stmt;
  DeskLegalAid *aid = NULL;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  stmt = desk_store_prepare (store,
                             "SELECT " AID_COLUMNS " FROM legal_aid"
                             " WHERE number = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    aid = read_aid (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
                 _("There is no legal-aid application numbered %s."), number);
  else
    desk_store_set_sql_error (store, error);
  sqlite3_reset (stmt);
  return aid;
}

/* Whether the live row @id exists in the register table @sql selects from. */
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

gboolean
desk_legal_aid_fill_from_person (DeskStore     *store,
                                 DeskLegalAid  *aid,
                                 GError       **error)
{
  g_autoptr(DeskPerson) person = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (aid != NULL, FALSE);

  if (aid->person_id <= 0)
    {
      desk_set_field_error (error, _("Applicant"), _("choose the applicant"));
      return FALSE;
    }
  person = desk_person_get (store, aid->person_id, &local);
  if (person == NULL)
    {
      desk_set_field_error (error, _("Applicant"),
                            _("the person does not exist or was deleted"));
      return FALSE;
    }

  if (aid->sex == DESK_SEX_UNKNOWN)
    aid->sex = person->sex;
  if (aid->birth_date == NULL || *aid->birth_date == '\0')
    replace (&aid->birth_date, g_strdup (person->birth_date));
  if (aid->ethnicity == NULL || *aid->ethnicity == '\0')
    replace (&aid->ethnicity, g_strdup (person->ethnicity));
  if (aid->village_id <= 0)
    aid->village_id = person->village_id;
  if (!aid->flags_given)
    {
      aid->is_disabled = person->is_disabled;
      aid->is_migrant_worker = person->is_migrant_worker;
      aid->is_farmer = person->is_farmer;
      aid->is_military = person->is_military;
      aid->is_foreigner = person->is_foreigner;
      aid->flags_given = TRUE;
    }
  return TRUE;
}

/* A date field of @aid: not given is fine; else a real date, not after
 * today, not before the receipt; normalised in place. */
static gboolean
check_step_date (DeskLegalAid  *aid,
                 Step           step,
                 const char    *received,
                 const char    *today,
                 GError       **error)
{
  char **date = step_date (aid, step);
  const char *field = _(steps[step].field);
  char *clean;

  replace (date, clean_text (*date));
  if (*date == NULL)
    return TRUE;
  clean = desk_validate_date (*date, field, today, error);
  if (clean == NULL)
    return FALSE;
  replace (date, clean);
  if (strcmp (*date, received) < 0)
    {
      desk_set_field_error (error, field, _("%s is before the date of receipt %s"),
                            *date, received);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_code (DeskStore    *store,
            gint64        id,
            const char   *kind,
            const char   *field,
            gboolean      required,
            GError      **error)
{
  if (id <= 0)
    {
      if (!required)
        return TRUE;
      desk_set_field_error (error, field, _("choose a value from the list"));
      return FALSE;
    }
  return desk_codes_check_kind (store, id, kind, field, error);
}

/* The status, its dates and what each step keeps. */
static gboolean
check_steps (DeskStore     *store,
             DeskLegalAid  *aid,
             DeskAidCheck   check,
             const char    *received,
             const char    *today,
             GError       **error)
{
  const StatusSteps *rules;
  const char *status_label;
  const char *latest = NULL;
  Step latest_step = STEP_SUPPLEMENT;
  guint required;

  if (aid->status == DESK_AID_STATUS_NONE)
    aid->status = DESK_AID_STATUS_RECEIVED;
  if ((guint) aid->status >= DESK_AID_N_STATUSES)
    {
      desk_set_field_error (error, _("Application status"), _("unknown status"));
      return FALSE;
    }
  rules = &status_steps[aid->status];
  status_label = desk_aid_status_label (aid->status);
  required = (check & DESK_AID_CHECK_LENIENT) ? rules->lenient : rules->strict;

  for (guint i = 0; i < N_STEPS; i++)
    {
      const char *date;

      if (!check_step_date (aid, i, received, today, error))
        return FALSE;
      date = step_date_const (aid, i);
      if (date != NULL && !(rules->allowed & (1u << i)))
        {
          desk_set_field_error (error, _(steps[i].field),
                                _("the application has not reached this step (status: %s)"),
                                status_label);
          return FALSE;
        }
      if (date == NULL && (required & (1u << i)))
        {
          desk_set_field_error (error, _(steps[i].field),
                                _("enter the date of this step (status: %s)"), status_label);
          return FALSE;
        }
      if (date != NULL)
        {
          if (latest != NULL && strcmp (date, latest) < 0)
            {
              desk_set_field_error (error, _(steps[i].field),
                                    _("%s is before the earlier step: %s %s"),
                                    date, _(steps[latest_step].field), latest);
              return FALSE;
            }
          latest = date;
          latest_step = i;
        }
    }

  /* The decision goes with its date and agrees with the status. */
  if ((guint) aid->decision > DESK_AID_DECISION_REFUSE)
    aid->decision = DESK_AID_DECISION_NONE;
  if (aid->decided_on == NULL && aid->decision != DESK_AID_DECISION_NONE)
    {
      desk_set_field_error (error, _("Decision"),
                            _("the application has not reached this step (status: %s)"),
                            status_label);
      return FALSE;
    }
  if (aid->decided_on != NULL && aid->decision == DESK_AID_DECISION_NONE)
    {
      desk_set_field_error (error, _("Decision"), _("enter the decision with its date"));
      return FALSE;
    }
  {
    DeskAidDecision wanted = DESK_AID_DECISION_NONE;

    if (aid->status == DESK_AID_STATUS_GRANTED || aid->status == DESK_AID_STATUS_ASSIGNED ||
        aid->status == DESK_AID_STATUS_CLOSED)
      wanted = DESK_AID_DECISION_GRANT;
    else if (aid->status == DESK_AID_STATUS_REFUSED)
      wanted = DESK_AID_DECISION_REFUSE;
    if (wanted != DESK_AID_DECISION_NONE && aid->decision != wanted)
      {
        desk_set_field_error (error, _("Decision"),
                              _("the status “%s” needs the decision “%s”"),
                              status_label, desk_aid_decision_label (wanted));
        return FALSE;
      }
  }

  /* 转交 keeps its 方式 and the centre's number. */
  replace (&aid->centre_number, clean_text (aid->centre_number));
  if (aid->forwarded_on == NULL)
    {
      if (aid->forward_mode_id > 0)
        {
          desk_set_field_error (error, _("Forwarding mode"),
                                _("the application has not been forwarded"));
          return FALSE;
        }
      if (aid->centre_number != NULL)
        {
          desk_set_field_error (error, _("Centre's acceptance number"),
                                _("the application has not been forwarded"));
          return FALSE;
        }
    }
  else
    {
      gboolean need_mode = !(check & DESK_AID_CHECK_LENIENT);

      if (!check_code (store, aid->forward_mode_id, DESK_CODE_FORWARD_MODE,
                       _("Forwarding mode"), need_mode, error))
        return FALSE;
    }

  /* 指派 keeps 承办人 and 承办单位. */
  replace (&aid->lawyer, clean_text (aid->lawyer));
  replace (&aid->law_firm, clean_text (aid->law_firm));
  {
    gboolean assigned = aid->assigned_on != NULL ||
                        aid->status == DESK_AID_STATUS_ASSIGNED ||
                        aid->status == DESK_AID_STATUS_CLOSED;

    if (!assigned && aid->lawyer != NULL)
      {
        desk_set_field_error (error, _("Assigned lawyer"),
                              _("the application has not been assigned"));
        return FALSE;
      }
    if (!assigned && aid->law_firm != NULL)
      {
        desk_set_field_error (error, _("Law firm"), _("the application has not been assigned"));
        return FALSE;
      }
    if (aid->assigned_on != NULL && !(check & DESK_AID_CHECK_LENIENT))
      {
        if (aid->lawyer == NULL)
          {
            desk_set_field_error (error, _("Assigned lawyer"),
                                  _("enter who handles the case"));
            return FALSE;
          }
        if (aid->law_firm == NULL)
          {
            desk_set_field_error (error, _("Law firm"),
                                  _("enter the law firm or unit that handles the case"));
            return FALSE;
          }
      }
  }
  return TRUE;
}

/* A live consultation that no other application is linked to. */
static gboolean
check_consultation (DeskStore  *store,
                    gint64      consultation_id,
                    gint64      aid_id,
                    GError    **error)
{
  g_autofree char *number = NULL;
  sqlite3_stmt *stmt;
  gint64 linked = -1;

  stmt = desk_store_prepare (store,
                             "SELECT coalesce (c.aid_id, 0), coalesce (a.number, '')"
                             " FROM consultations c"
                             " LEFT JOIN legal_aid a ON a.id = c.aid_id"
                             " WHERE c.id = ?1 AND c.deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, consultation_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      linked = sqlite3_column_int64 (stmt, 0);
      number = desk_sql_dup_text (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (linked < 0)
    {
      desk_set_field_error (error, _("Consultation"),
                            _("the consultation does not exist or was deleted"));
      return FALSE;
    }
  if (linked > 0 && linked != aid_id)
    {
      desk_set_field_error (error, _("Consultation"),
                            _("the consultation is already linked to application %s"), number);
      return FALSE;
    }
  return TRUE;
}

gboolean
desk_legal_aid_validate (DeskStore     *store,
                         DeskLegalAid  *aid,
                         DeskAidCheck   check,
                         GError       **error)
{
  g_autofree char *today = desk_today ();
  g_autofree char *received = NULL;
  char *clean;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (aid != NULL, FALSE);

  /* 接收日期时间 */
  replace (&aid->received_at, clean_text (aid->received_at));
  if (aid->received_at == NULL)
    {
      desk_set_field_error (error, _("Received at"), _("enter the date and time of receipt"));
      return FALSE;
    }
  clean = desk_validate_datetime (aid->received_at, _("Received at"), today, error);
  if (clean == NULL)
    return FALSE;
  replace (&aid->received_at, clean);
  received = receipt_date (aid);

  /* 接收人, 申请人, 代理申请人 */
  if (aid->receiver_id <= 0)
    {
      desk_set_field_error (error, _("Received by"), _("choose who received the application"));
      return FALSE;
    }
  if (!row_exists (store, "SELECT 1 FROM staff WHERE id = ?1 AND deleted_at IS NULL",
                   aid->receiver_id))
    {
      desk_set_field_error (error, _("Received by"),
                            _("the staff member does not exist or was deleted"));
      return FALSE;
    }
  if (aid->person_id <= 0)
    {
      desk_set_field_error (error, _("Applicant"), _("choose the applicant"));
      return FALSE;
    }
  if (!row_exists (store, "SELECT 1 FROM people WHERE id = ?1 AND deleted_at IS NULL",
                   aid->person_id))
    {
      desk_set_field_error (error, _("Applicant"), _("the person does not exist or was deleted"));
      return FALSE;
    }
  if (!row_exists (store,
                   "SELECT 1 FROM people WHERE id = ?1 AND kind = 'person'", aid->person_id))
    {
      desk_set_field_error (error, _("Applicant"),
                            _("an organisation cannot apply for legal aid; choose a person"));
      return FALSE;
    }
  replace (&aid->agent_name, clean_text (aid->agent_name));

  /* The applicant's copy. */
  if ((guint) aid->sex > DESK_SEX_FEMALE)
    {
      desk_set_field_error (error, _("Applicant's sex"), _("choose 男 or 女"));
      return FALSE;
    }
  replace (&aid->birth_date, clean_text (aid->birth_date));
  if (aid->birth_date != NULL)
    {
      clean = desk_validate_date (aid->birth_date, _("Applicant's date of birth"), today, error);
      if (clean == NULL)
        return FALSE;
      replace (&aid->birth_date, clean);
      if (strcmp (aid->birth_date, received) > 0)
        {
          desk_set_field_error (error, _("Applicant's date of birth"),
                                _("%s is after the date of receipt %s"),
                                aid->birth_date, received);
          return FALSE;
        }
    }
  {
    GError *local = NULL;

    clean = desk_ethnicity_normalize (aid->ethnicity, &local);
    if (local != NULL)
      {
        g_propagate_error (error, local);
        return FALSE;
      }
    replace (&aid->ethnicity, clean);
  }

  if (aid->village_id > 0 &&
      !row_exists (store, "SELECT 1 FROM villages WHERE id = ?1 AND deleted_at IS NULL",
                   aid->village_id))
    {
      desk_set_field_error (error, _("Applicant's village"),
                            _("the village does not exist or was deleted"));
      return FALSE;
    }

  /* 事项, 经济困难情形, 案情摘要 */
  if (!check_code (store, aid->matter_type_id, DESK_CODE_AID_MATTER_TYPE, _("Matter type"),
                   TRUE, error) ||
      !check_code (store, aid->matter_id, DESK_CODE_AID_MATTER, _("Legal-aid matter"),
                   TRUE, error) ||
      !check_code (store, aid->hardship_id, DESK_CODE_HARDSHIP, _("Financial hardship"),
                   FALSE, error))
    return FALSE;
  if (aid->summary == NULL)
    aid->summary = g_strdup ("");

  if (!check_steps (store, aid, check, received, today, error))
    return FALSE;

  if (aid->consultation_id > 0 &&
      !check_consultation (store, aid->consultation_id, aid->id, error))
    return FALSE;
  return TRUE;
}

/* Reads "FY{YYYY}-{NNNN}" exactly as the program writes it. */
static gboolean
parse_number (const char *number,
              int        *year,
              int        *seq)
{
  g_autofree char *again = NULL;
  gint64 y, n;

  if (!g_str_has_prefix (number, "FY") || strlen (number) < 11 || number[6] != '-')
    return FALSE;
  for (const char *p = number + 2; *p != '\0'; p++)
    if (p != number + 6 && !g_ascii_isdigit (*p))
      return FALSE;
  if (strlen (number) > 16)
    return FALSE;
  y = g_ascii_strtoll (number + 2, NULL, 10);
  n = g_ascii_strtoll (number + 7, NULL, 10);
  if (n <= 0 || n > G_MAXINT)
    return FALSE;
  again = g_strdup_printf ("FY%04d-%04d", (int) y, (int) n);
  if (!g_str_equal (again, number))
    return FALSE;
  *year = (int) y;
  *seq = (int) n;
  return TRUE;
}

static gboolean
number_used (DeskStore  *store,
             const char *number,
             int         year,
             int         seq,
             gint64      except_id)
{
  sqlite3_stmt *stmt;
  gboolean used;

  stmt = desk_store_prepare (store,
                             "SELECT 1 FROM legal_aid"
                             " WHERE (number = ?1 OR (year = ?2 AND seq = ?3)) AND id <> ?4",
                             NULL);
  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_int (stmt, 3, seq);
  sqlite3_bind_int64 (stmt, 4, except_id);
  used = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return used;
}

/* Binds every column but id, number, year, seq, created_at and deleted_at
 * to ?5…; the statements below list them in this order. */
#define AID_WRITE_COLUMNS \
  "received_at, receiver_id, person_id, agent_name, sex, birth_date, ethnicity," \
  " is_disabled, is_migrant_worker, is_farmer, is_military, is_foreigner, village_id," \
  " matter_type_id, matter_id, hardship_id, has_identity, has_hardship_proof," \
  " has_matter_papers, materials_complete, summary, status, supplement_on, forwarded_on," \
  " forward_mode_id, centre_number, centre_accepted_on, decided_on, decision, assigned_on," \
  " lawyer, law_firm, closed_on, terminated_on, withdrawn_on, consultation_id, updated_at"

static void
bind_aid (sqlite3_stmt       *stmt,
          const DeskLegalAid *aid,
          const char         *now)
{
  int i = 5;

  desk_sql_bind_text_or_null (stmt, i++, aid->received_at);
  sqlite3_bind_int64 (stmt, i++, aid->receiver_id);
  sqlite3_bind_int64 (stmt, i++, aid->person_id);
  desk_sql_bind_text_or_null (stmt, i++, aid->agent_name);
  desk_sql_bind_text_or_null (stmt, i++, desk_sex_label (aid->sex));
  desk_sql_bind_text_or_null (stmt, i++, aid->birth_date);
  desk_sql_bind_text_or_null (stmt, i++, aid->ethnicity);
  sqlite3_bind_int (stmt, i++, aid->is_disabled ? 1 : 0);
  sqlite3_bind_int (stmt, i++, aid->is_migrant_worker ? 1 : 0);
  sqlite3_bind_int (stmt, i++, aid->is_farmer ? 1 : 0);
  sqlite3_bind_int (stmt, i++, aid->is_military ? 1 : 0);
  sqlite3_bind_int (stmt, i++, aid->is_foreigner ? 1 : 0);
  desk_sql_bind_id_or_null (stmt, i++, aid->village_id);
  sqlite3_bind_int64 (stmt, i++, aid->matter_type_id);
  sqlite3_bind_int64 (stmt, i++, aid->matter_id);
  desk_sql_bind_id_or_null (stmt, i++, aid->hardship_id);
  sqlite3_bind_int (stmt, i++, aid->has_identity ? 1 : 0);
  sqlite3_bind_int (stmt, i++, aid->has_hardship_proof ? 1 : 0);
  sqlite3_bind_int (stmt, i++, aid->has_matter_papers ? 1 : 0);
  sqlite3_bind_int (stmt, i++, aid->materials_complete ? 1 : 0);
  sqlite3_bind_text (stmt, i++, aid->summary ? aid->summary : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, i++, desk_aid_status_label (aid->status), -1, SQLITE_STATIC);
  desk_sql_bind_text_or_null (stmt, i++, aid->supplement_on);
  desk_sql_bind_text_or_null (stmt, i++, aid->forwarded_on);
  desk_sql_bind_id_or_null (stmt, i++, aid->forward_mode_id);
  desk_sql_bind_text_or_null (stmt, i++, aid->centre_number);
  desk_sql_bind_text_or_null (stmt, i++, aid->centre_accepted_on);
  desk_sql_bind_text_or_null (stmt, i++, aid->decided_on);
  desk_sql_bind_text_or_null (stmt, i++, desk_aid_decision_label (aid->decision));
  desk_sql_bind_text_or_null (stmt, i++, aid->assigned_on);
  desk_sql_bind_text_or_null (stmt, i++, aid->lawyer);
  desk_sql_bind_text_or_null (stmt, i++, aid->law_firm);
  desk_sql_bind_text_or_null (stmt, i++, aid->closed_on);
  desk_sql_bind_text_or_null (stmt, i++, aid->terminated_on);
  desk_sql_bind_text_or_null (stmt, i++, aid->withdrawn_on);
  desk_sql_bind_id_or_null (stmt, i++, aid->consultation_id);
  sqlite3_bind_text (stmt, i++, now, -1, SQLITE_TRANSIENT);
}

/* Points consultation @consultation_id (0: none) back at @aid_id, and no
 * other consultation: the consultation's side of the link is written by its
 * own module. */
static gboolean
link_back (DeskStore  *store,
           gint64      aid_id,
           gint64      consultation_id,
           GError    **error)
{
  g_autoptr(GArray) stale = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = desk_store_prepare (store,
                             "SELECT id FROM consultations WHERE aid_id = ?1 AND id IS NOT ?2",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, aid_id);
  desk_sql_bind_id_or_null (stmt, 2, consultation_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (stale, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return desk_store_set_sql_error (store, error);

  for (guint i = 0; i < stale->len; i++)
    if (!desk_consultation_link_aid (store, g_array_index (stale, gint64, i), 0, error))
      return FALSE;
  if (consultation_id > 0)
    return desk_consultation_link_aid (store, consultation_id, aid_id, error);
  return TRUE;
}

gint64
desk_legal_aid_create (DeskStore     *store,
                       DeskLegalAid  *aid,
                       DeskAidCheck   check,
                       GError       **error)
{
  g_autofree char *now = desk_timestamp ();
  g_autofree char *number = NULL;
  sqlite3_stmt *stmt;
  int year, seq = 0;
  gint64 id;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);
  g_return_val_if_fail (aid != NULL, 0);

  aid->id = 0;
  if (aid->person_id > 0 && !desk_legal_aid_fill_from_person (store, aid, error))
    return 0;
  if (!desk_legal_aid_validate (store, aid, check, error))
    return 0;
  year = atoi (aid->received_at);

  number = clean_text (aid->number);
  if (number != NULL)
    {
      int given_year;

      if (!parse_number (number, &given_year, &seq))
        {
          desk_set_field_error (error, _("Registration number"),
                                _("“%s” is not of the form FY%d-0001; leave it empty to have "
                                  "one assigned"), number, year);
          return 0;
        }
      if (given_year != year)
        {
          desk_set_field_error (error, _("Registration number"),
                                _("the number's year %d is not the year of receipt %d"),
                                given_year, year);
          return 0;
        }
      if (number_used (store, number, year, seq, 0))
        {
          desk_set_field_error (error, _("Registration number"),
                                _("%s is already used by another application"), number);
          return 0;
        }
    }

  if (!desk_store_begin (store, error))
    return 0;
  if (number != NULL)
    {
      if (!desk_sequence_claim (store, DESK_LEGAL_AID_SEQUENCE, year, seq, error))
        goto fail;
    }
  else
    {
      /* A number is never given twice; the loop only guards against rows
       * written without claiming their number. */
      do
        {
          if (!desk_sequence_next (store, DESK_LEGAL_AID_SEQUENCE, year, &seq, error))
            goto fail;
          g_free (number);
          number = g_strdup_printf ("FY%04d-%04d", year, seq);
        }
      while (number_used (store, number, year, seq, 0));
    }

  stmt = desk_store_prepare (store,
                             "INSERT INTO legal_aid (number, year, seq, created_at, "
                             AID_WRITE_COLUMNS ") VALUES (?1, ?2, ?3, ?4,"
                             " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
                             " ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31,"
                             " ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40, ?41)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_int (stmt, 3, seq);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  bind_aid (stmt, aid, now);
  if (!desk_store_step_done (store, stmt, error))
    goto fail;
  id = desk_store_last_insert_id (store);
  if (aid->consultation_id > 0 && !link_back (store, id, aid->consultation_id, error))
    goto fail;
  if (!desk_store_commit (store, error))
    return 0;

  aid->id = id;
  replace (&aid->number, g_steal_pointer (&number));
  aid->year = year;
  aid->seq = seq;
  replace (&aid->created_at, g_strdup (now));
  replace (&aid->updated_at, g_strdup (now));
  return id;

fail:
  desk_store_rollback (store);
  return 0;
}

/* Writes @aid over its row; the caller validated it and holds the
 * transaction. */
static gboolean
write_aid (DeskStore          *store,
           const DeskLegalAid *aid,
           const char         *now,
           GError            **error)
{
  sqlite3_stmt *stmt;

  stmt = desk_store_prepare (store,
                             "UPDATE legal_aid SET (" AID_WRITE_COLUMNS ") = ("
                             " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
                             " ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31,"
                             " ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40, ?41)"
                             " WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, aid->id);
  bind_aid (stmt, aid, now);
  return desk_store_step_done (store, stmt, error);
}

gboolean
desk_legal_aid_update (DeskStore     *store,
                       DeskLegalAid  *aid,
                       DeskAidCheck   check,
                       GError       **error)
{
  g_autoptr(DeskLegalAid) old = NULL;
  g_autofree char *now = desk_timestamp ();
  g_autofree char *number = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (aid != NULL, FALSE);

  old = desk_legal_aid_get (store, aid->id, error);
  if (old == NULL)
    return FALSE;
  number = clean_text (aid->number);
  if (number != NULL && !g_str_equal (number, old->number))
    {
      desk_set_field_error (error, _("Registration number"), _("the number cannot be changed"));
      return FALSE;
    }
  if (!desk_legal_aid_validate (store, aid, check, error))
    return FALSE;
  if (atoi (aid->received_at) != old->year)
    {
      desk_set_field_error (error, _("Received at"),
                            _("the receipt must stay in %d, the year of its number %s"),
                            old->year, old->number);
      return FALSE;
    }

  if (!desk_store_begin (store, error))
    return FALSE;
  if (!write_aid (store, aid, now, error) ||
      (aid->consultation_id != old->consultation_id &&
       !link_back (store, aid->id, aid->consultation_id, error)))
    {
      desk_store_rollback (store);
      return FALSE;
    }
  if (!desk_store_commit (store, error))
    return FALSE;

  replace (&aid->number, g_strdup (old->number));
  aid->year = old->year;
  aid->seq = old->seq;
  replace (&aid->created_at, g_strdup (old->created_at));
  replace (&aid->updated_at, g_strdup (now));
  return TRUE;
}

gboolean
desk_legal_aid_delete (DeskStore  *store,
                       gint64      id,
                       GError    **error)
{
  g_autofree char *now = desk_timestamp ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  if (!desk_store_begin (store, error))
    return FALSE;
  stmt = desk_store_prepare (store,
                             "UPDATE legal_aid SET deleted_at = ?2, updated_at = ?2"
                             " WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error))
    goto fail;
  if (sqlite3_changes (desk_store_get_db (store)) == 0)
    {
      set_not_found (error);
      goto fail;
    }
  /* The consultation may lead to a new application. */
  if (!link_back (store, id, 0, error))
    goto fail;
  return desk_store_commit (store, error);

fail:
  desk_store_rollback (store);
  return FALSE;
}

gboolean
desk_legal_aid_advance (DeskStore                *store,
                        gint64                    id,
                        DeskAidStatus             new_status,
                        const char               *date,
                        const DeskAidStepDetails *details,
                        GError                  **error)
{
  g_autoptr(DeskLegalAid) aid = NULL;
  g_autofree char *now = desk_timestamp ();
  g_autofree char *day = NULL;
  const char *from_label;
  const char *to_label;
  Step step;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  aid = desk_legal_aid_get (store, id, error);
  if (aid == NULL)
    return FALSE;

  from_label = desk_aid_status_label (aid->status);
  to_label = desk_aid_status_label (new_status);
  if (!desk_aid_status_can_advance (aid->status, new_status))
    {
      g_autoptr(GString) next = g_string_new (NULL);

      for (guint i = 1; i < DESK_AID_N_STATUSES; i++)
        if (desk_aid_status_can_advance (aid->status, i))
          g_string_append_printf (next, "%s%s", next->len ? "、" : "",
                                  desk_aid_status_label (i));
      if (next->len == 0)
        desk_set_field_error (error, _("Application status"),
                              _("“%s” is final and cannot change"), from_label);
      else
        desk_set_field_error (error, _("Application status"),
                              _("“%s” cannot be followed by “%s”; next: %s"), from_label,
                              to_label ? to_label : "", next->str);
      return FALSE;
    }

  switch (new_status)
    {
    case DESK_AID_STATUS_SUPPLEMENT: step = STEP_SUPPLEMENT; break;
    case DESK_AID_STATUS_FORWARDED: step = STEP_FORWARDED; break;
    case DESK_AID_STATUS_CENTRE_ACCEPTED: step = STEP_CENTRE; break;
    case DESK_AID_STATUS_GRANTED:
    case DESK_AID_STATUS_REFUSED: step = STEP_DECIDED; break;
    case DESK_AID_STATUS_ASSIGNED: step = STEP_ASSIGNED; break;
    case DESK_AID_STATUS_CLOSED: step = STEP_CLOSED; break;
    case DESK_AID_STATUS_TERMINATED: step = STEP_TERMINATED; break;
    case DESK_AID_STATUS_WITHDRAWN: step = STEP_WITHDRAWN; break;
    case DESK_AID_STATUS_NONE:
    case DESK_AID_STATUS_RECEIVED:
    default:
      g_assert_not_reached ();
    }

  day = date != NULL ? clean_text (date) : desk_today ();
  if (day == NULL)
    {
      desk_set_field_error (error, _(steps[step].field),
                            _("enter the date of this step (status: %s)"), to_label);
      return FALSE;
    }
  replace (step_date (aid, step), g_steal_pointer (&day));
  aid->status = new_status;
  if (new_status == DESK_AID_STATUS_GRANTED)
    aid->decision = DESK_AID_DECISION_GRANT;
  else if (new_status == DESK_AID_STATUS_REFUSED)
    aid->decision = DESK_AID_DECISION_REFUSE;

  if (details != NULL)
    {
      if (details->forward_mode_id > 0)
        aid->forward_mode_id = details->forward_mode_id;
      if (details->centre_number != NULL && *details->centre_number != '\0')
        replace (&aid->centre_number, g_strdup (details->centre_number));
      if (details->lawyer != NULL && *details->lawyer != '\0')
        replace (&aid->lawyer, g_strdup (details->lawyer));
      if (details->law_firm != NULL && *details->law_firm != '\0')
        replace (&aid->law_firm, g_strdup (details->law_firm));
    }

  /* The new step is recorded in full; an imported record's missing
   * earlier dates are not asked for again. */
  if (new_status == DESK_AID_STATUS_FORWARDED && aid->forward_mode_id <= 0)
    {
      desk_set_field_error (error, _("Forwarding mode"), _("choose a value from the list"));
      return FALSE;
    }
  if (new_status == DESK_AID_STATUS_ASSIGNED)
    {
      g_autofree char *lawyer = clean_text (aid->lawyer);
      g_autofree char *firm = clean_text (aid->law_firm);

      if (lawyer == NULL)
        {
          desk_set_field_error (error, _("Assigned lawyer"), _("enter who handles the case"));
          return FALSE;
        }
      if (firm == NULL)
        {
          desk_set_field_error (error, _("Law firm"),
                                _("enter the law firm or unit that handles the case"));
          return FALSE;
        }
    }
  if (!desk_legal_aid_validate (store, aid, DESK_AID_CHECK_LENIENT, error))
    return FALSE;

  if (!desk_store_begin (store, error))
    return FALSE;
  if (!write_aid (store, aid, now, error))
    {
      desk_store_rollback (store);
      return FALSE;
    }
  return desk_store_commit (store, error);
}

DeskAidCategories
desk_legal_aid_categories (const DeskLegalAid *aid)
{
  g_autofree char *on = NULL;
  DeskAidCategories cats = 0;
  int age;

  g_return_val_if_fail (aid != NULL, DESK_AID_CATEGORY_OTHER);

  on = receipt_date (aid);
  age = desk_age_on (aid->birth_date, on);
  if (age >= 60)
    cats |= DESK_AID_CATEGORY_ELDERLY;
  if (aid->is_disabled)
    cats |= DESK_AID_CATEGORY_DISABLED;
  if (age >= 0 && age < 18)
    cats |= DESK_AID_CATEGORY_MINOR;
  if (aid->sex == DESK_SEX_FEMALE)
    cats |= DESK_AID_CATEGORY_FEMALE;
  if (aid->is_migrant_worker)
    cats |= DESK_AID_CATEGORY_MIGRANT_WORKER;
  if (aid->is_farmer)
    cats |= DESK_AID_CATEGORY_FARMER;
  /* The same test as the figures' SQL; the store keeps GB 3304 names only. */
  if (aid->ethnicity != NULL && *aid->ethnicity != '\0' &&
      !g_str_equal (aid->ethnicity, "汉族"))
    cats |= DESK_AID_CATEGORY_MINORITY;
  if (aid->is_military)
    cats |= DESK_AID_CATEGORY_MILITARY;
  if (aid->is_foreigner)
    cats |= DESK_AID_CATEGORY_FOREIGNER;
  if (cats == 0)
    cats = DESK_AID_CATEGORY_OTHER;
  return cats;
}

int
desk_legal_aid_working_days_pending (DeskStore          *store,
                                     const DeskLegalAid *aid,
                                     const char         *today)
{
  g_autofree char *received = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), -1);
  g_return_val_if_fail (aid != NULL, -1);

  if (aid->forwarded_on != NULL || aid->withdrawn_on != NULL)
    return -1;
  received = receipt_date (aid);
  if (received == NULL)
    return -1;
  now = today ? g_strdup (today) : desk_today ();
  return desk_working_days_between (store, received, now);
}

gboolean
desk_legal_aid_overdue (DeskStore          *store,
                        const DeskLegalAid *aid,
                        const char         *today)
{
  int pending = desk_legal_aid_working_days_pending (store, aid, today);

  return pending >= 0 && pending > desk_settings_get_int (store, "aid-limit-days");
}

gboolean
desk_legal_aid_forwarded_on_time (DeskStore          *store,
                                  const DeskLegalAid *aid)
{
  g_autofree char *received = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (aid != NULL, FALSE);

  received = receipt_date (aid);
  if (aid->forwarded_on == NULL || received == NULL)
    return FALSE;
  return desk_working_days_between (store, received, aid->forwarded_on) <=
         desk_settings_get_int (store, "aid-limit-days");
}

char *
desk_legal_aid_overdue_cutoff (DeskStore  *store,
                               const char *today)
{
  g_autofree char *now = today ? g_strdup (today) : desk_today ();
  int limit = desk_settings_get_int (store, "aid-limit-days");
  DeskDay day = desk_date_to_day (now);
  int working = 0;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  /* Walking back from today, the working days after a receipt date grow
   * by one for each working day passed: the first date whose count
   * exceeds the limit is the cut-off.  Ten years bound a calendar that
   * holds no working day at all. */
  for (int i = 0; i < 3660 && working <= limit; i++, day--)
    {
      g_autofree char *date = desk_day_to_date (day);

      if (desk_is_working_day (store, date))
        working++;
    }
  return desk_day_to_date (day);
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
desk_legal_aid_list (DeskStore            *store,
                     const DeskAidFilter  *filter,
                     guint                *total,
                     GError              **error)
{
  static const DeskAidFilter all = { 0 };
  /* The two orders are fixed texts: nothing typed goes into the SQL. */
  const char *where =
    " FROM legal_aid WHERE deleted_at IS NULL"
    " AND (?1 IS NULL OR received_at >= ?1)"
    " AND (?2 IS NULL OR received_at <= ?2 || ' 23:59')"
    " AND (?3 IS NULL OR status = ?3)"
    " AND (?4 IS NULL OR matter_id = ?4)"
    " AND (?5 IS NULL OR (forwarded_on IS NULL AND withdrawn_on IS NULL"
    "                     AND received_at <= ?5 || ' 23:59'))";
  g_autofree char *sql_count = g_strconcat ("SELECT count(*)", where, NULL);
  g_autofree char *sql_page = NULL;
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  g_autofree char *cutoff = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  if (filter == NULL)
    filter = &all;
  if (!check_filter_date (filter->from, _("Received from"), &from, error) ||
      !check_filter_date (filter->until, _("Received until"), &until, error))
    return NULL;
  if (filter->overdue_only)
    cutoff = desk_legal_aid_overdue_cutoff (store, NULL);
  sql_page = g_strconcat ("SELECT id", where,
                          filter->newest_first ? " ORDER BY received_at DESC, id DESC"
                                               : " ORDER BY received_at, id",
                          " LIMIT ?6 OFFSET ?7", NULL);

  for (int pass = 0; pass < 2; pass++)
    {
      int rc;

      if (pass == 0 && total == NULL)
        continue;
      stmt = desk_store_prepare (store, pass == 0 ? sql_count : sql_page, error);
      if (stmt == NULL)
        return NULL;
      desk_sql_bind_text_or_null (stmt, 1, from);
      desk_sql_bind_text_or_null (stmt, 2, until);
      desk_sql_bind_text_or_null (stmt, 3, desk_aid_status_label (filter->status));
      desk_sql_bind_id_or_null (stmt, 4, filter->matter_id);
      desk_sql_bind_text_or_null (stmt, 5, cutoff);
      if (pass == 1)
        {
          sqlite3_bind_int64 (stmt, 6, filter->limit > 0 ? (gint64) filter->limit : -1);
          sqlite3_bind_int64 (stmt, 7, filter->offset);
        }
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 value = sqlite3_column_int64 (stmt, 0);

          if (pass == 0)
            *total = (guint) value;
          else
            g_array_append_val (ids, value);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          desk_store_set_sql_error (store, error);
          return NULL;
        }
    }
  return g_steal_pointer (&ids);
}

gboolean
desk_legal_aid_link_consultation (DeskStore  *store,
                                  gint64      aid_id,
                                  gint64      consultation_id,
                                  GError    **error)
{
  g_autoptr(DeskLegalAid) aid = NULL;
  g_autofree char *now = desk_timestamp ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  aid = desk_legal_aid_get (store, aid_id, error);
  if (aid == NULL)
    return FALSE;
  if (consultation_id > 0 && !check_consultation (store, consultation_id, aid_id, error))
    return FALSE;

  if (!desk_store_begin (store, error))
    return FALSE;
  stmt = desk_store_prepare (store,
                             "UPDATE legal_aid SET consultation_id = ?2, updated_at = ?3"
                             " WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, aid_id);
  desk_sql_bind_id_or_null (stmt, 2, consultation_id);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error) ||
      !link_back (store, aid_id, consultation_id, error))
    goto fail;
  return desk_store_commit (store, error);

fail:
  desk_store_rollback (store);
  return FALSE;
}
