/* desk-dashboard-page-data.c — what the 工作台 shows, gathered from a ledger.
 *
 * Runs in the page's worker: each time limit is the one core already
 * defines (desk_case_list's overdue and follow-up filters, the legal-aid
 * forwarding clock in working days, desk_adviser_shortfall), the month's
 * counts are the 汇总 sheet of desk_figures_compute, and the report's state
 * is the report history.  Nothing here touches a widget.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "desk-adviser.h"
#include "desk-codes.h"
#include "desk-dashboard-page-private.h"
#include "desk-date.h"
#include "desk-figures.h"
#include "desk-history.h"
#include "desk-legal-aid.h"
#include "desk-mediation.h"
#include "desk-person.h"
#include "desk-register.h"
#include "desk-settings.h"

/* The 汇总 rows shown as this month's counts, in the sheet's order (data:
 * the forms' own labels). */
static const char *const count_rows[] = {
  "法律咨询(件)",
  "人民调解受理(件)",
  "人民调解成功(件)",
  "矛盾纠纷排查(次)",
  "法律援助申请接收(件)",
  "法律援助申请转交(件)",
  "法律顾问服务(次)",
};

static void
due_item_free (DeskDueItem *item)
{
  g_free (item->title);
  g_free (item->subtitle);
  g_free (item->status);
  g_free (item->what);
  g_free (item);
}

static void
count_free (DeskDashboardCount *count)
{
  g_free (count->label);
  g_free (count);
}

static void
indicator_free (DeskDashboardIndicator *indicator)
{
  g_free (indicator->label);
  g_free (indicator);
}

void
desk_dashboard_free (DeskDashboard *dashboard)
{
  if (dashboard == NULL)
    return;
  for (guint i = 0; i < DESK_DUE_N_KINDS; i++)
    {
      g_free (dashboard->groups[i].title);
      g_free (dashboard->groups[i].description);
      g_clear_pointer (&dashboard->groups[i].items, g_ptr_array_unref);
    }
  g_free (dashboard->today);
  g_free (dashboard->today_title);
  g_free (dashboard->report_due);
  g_free (dashboard->exported_on);
  g_free (dashboard->report_title);
  g_free (dashboard->report_subtitle);
  g_free (dashboard->report_status);
  g_free (dashboard->counts_title);
  g_free (dashboard->counts_description);
  g_free (dashboard->indicators_title);
  g_clear_pointer (&dashboard->counts, g_ptr_array_unref);
  g_clear_pointer (&dashboard->indicators, g_ptr_array_unref);
  g_free (dashboard);
}

const DeskDueItem *
desk_dashboard_find (const DeskDashboard *dashboard,
                     const char          *record_kind,
                     gint64               id)
{
  g_return_val_if_fail (dashboard != NULL, NULL);

  for (guint i = 0; i < DESK_DUE_N_KINDS; i++)
    {
      GPtrArray *items = dashboard->groups[i].items;

      for (guint j = 0; items != NULL && j < items->len; j++)
        {
          const DeskDueItem *item = g_ptr_array_index (items, j);

          if (item->id == id && g_strcmp0 (item->record_kind, record_kind) == 0)
            return item;
        }
    }
  return NULL;
}

char *
desk_dashboard_format_change (gint64 this_month,
                              gint64 last_month)
{
  gint64 change = this_month - last_month;

  if (change > 0)
    return g_strdup_printf ("+%" G_GINT64_FORMAT, change);
  if (change < 0)
    /* U+2212 MINUS SIGN: as wide as the plus beside it */
    return g_strdup_printf ("\u2212%" G_GINT64_FORMAT, -change);
  return g_strdup ("0");
}

char *
desk_dashboard_format_percent (gint64 tenths)
{
  gint64 whole = ABS (tenths) / 10;
  gint64 tenth = ABS (tenths) % 10;

  if (tenth == 0)
    return g_strdup_printf ("%s%" G_GINT64_FORMAT "%%", tenths < 0 ? "\u2212" : "", whole);
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT "%%",
                          tenths < 0 ? "\u2212" : "", whole, tenth);
}

static DeskDueItem *
due_item_new (DeskDueGroup *group,
              const char   *record_kind,
              gint64        id)
{
  DeskDueItem *item = g_new0 (DeskDueItem, 1);

  item->record_kind = record_kind;
  item->id = id;
  g_ptr_array_add (group->items, item);
  return item;
}

/* "赵一 与 钱二 · 东坪村人民调解委员会 · 2026-09-20 受理": the parts that
 * are there (any may be NULL or empty), joined. */
static char *
join_parts (const char *a,
            const char *b,
            const char *c)
{
  const char *parts[] = { a, b, c };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      {
        if (text->len > 0)
          g_string_append (text, " · ");
        g_string_append (text, parts[i]);
      }
  return g_string_free (text, FALSE);
}

static char *
person_name (DeskStore *store,
             gint64     id)
{
  g_autoptr(DeskPerson) person = id > 0 ? desk_person_get (store, id, NULL) : NULL;

  return person != NULL ? g_strdup (person->name) : NULL;
}

/* "赵一、孙三 与 钱二": applicants and respondents; third parties are left
 * out of a line this short. */
static char *
case_parties (DeskStore      *store,
              const DeskCase *mcase)
{
  g_autoptr(GPtrArray) applicant_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) respondent_names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *sides[2] = { applicant_names, respondent_names };
  g_autofree char *applicants = NULL;
  g_autofree char *respondents = NULL;

  for (guint i = 0; mcase->parties != NULL && i < mcase->parties->len; i++)
    {
      const DeskCaseParty *party = &g_array_index (mcase->parties, DeskCaseParty, i);
      char *name;

      if (party->role == DESK_CASE_THIRD_PARTY)
        continue;
      name = person_name (store, party->person_id);
      if (name != NULL)
        g_ptr_array_add (sides[party->role == DESK_CASE_APPLICANT ? 0 : 1], name);
    }
  for (guint i = 0; i < 2; i++)
    g_ptr_array_add (sides[i], NULL);
  /* TRANSLATORS: between the names of several parties on one side */
  applicants = g_strjoinv (C_("names", ", "), (char **) sides[0]->pdata);
  respondents = g_strjoinv (C_("names", ", "), (char **) sides[1]->pdata);
  if (*applicants != '\0' && *respondents != '\0')
    /* TRANSLATORS: applicants, then respondents of a mediation case */
    return g_strdup_printf (_("%s and %s"), applicants, respondents);
  return g_strdup (*applicants != '\0' ? applicants : respondents);
}

static char *
committee_name (DeskStore *store,
                gint64     id)
{
  g_autoptr(DeskCommittee) committee = desk_committee_get (store, id, NULL);

  return committee != NULL ? g_strdup (committee->name) : NULL;
}

/* The ids of @filter's cases, the longest waiting first: the list comes
 * newest first, so it is read from its end.  Only ids are fetched whole. */
static GArray *
oldest_cases (DeskStore       *store,
              DeskCaseFilter  *filter,
              guint           *total,
              GError         **error)
{
  g_autoptr(GArray) ids = desk_case_list (store, filter, NULL, error);
  GArray *oldest;

  if (ids == NULL)
    return NULL;
  *total = ids->len;
  oldest = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = ids->len; i > 0 && oldest->len < DESK_DASHBOARD_SHOWN; i--)
    g_array_append_val (oldest, g_array_index (ids, gint64, i - 1));
  return oldest;
}

static gboolean
gather_cases (DeskStore      *store,
              DeskDashboard  *dashboard,
              GCancellable   *cancellable,
              GError        **error)
{
  DeskDueGroup *overdue = &dashboard->groups[DESK_DUE_CASE_OVERDUE];
  DeskDueGroup *follow_up = &dashboard->groups[DESK_DUE_FOLLOW_UP];
  int limit = desk_settings_get_int (store, "mediation-limit-days");
  int visit_after = desk_settings_get_int (store, "follow-up-days");
  DeskCaseFilter filter = { 0 };
  g_autoptr(GArray) ids = NULL;

  filter.overdue = TRUE;
  ids = oldest_cases (store, &filter, &overdue->total, error);
  if (ids == NULL)
    return FALSE;
  overdue->late = overdue->total;
  overdue->title = g_strdup_printf (_("Mediation cases past the time limit (%u)"),
                                    overdue->total);
  overdue->description = g_strdup_printf (_("A case should be concluded within %d days of "
                                            "acceptance."), limit);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(DeskCase) mcase = desk_case_get (store, id, error);
      g_autofree char *parties = NULL;
      g_autofree char *committee = NULL;
      g_autofree char *accepted = NULL;
      DeskDueItem *item;

      if (mcase == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      parties = case_parties (store, mcase);
      committee = committee_name (store, mcase->committee_id);
      accepted = g_strdup_printf (_("accepted on %s"), mcase->accepted_on);
      item = due_item_new (overdue, "mediation_case", id);
      item->title = g_strdup (mcase->number);
      item->subtitle = join_parts (parties, committee, accepted);
      item->days = desk_case_overdue_days (store, mcase);
      item->status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day over the limit",
                                                   "%d days over the limit", item->days),
                                      item->days);
      item->what = g_strdup_printf (_("Mediation case %s"), mcase->number);
      item->level = DESK_DUE_LEVEL_LATE;
    }
  g_clear_pointer (&ids, g_array_unref);

  memset (&filter, 0, sizeof filter);
  filter.follow_up_due = TRUE;
  ids = oldest_cases (store, &filter, &follow_up->total, error);
  if (ids == NULL)
    return FALSE;
  follow_up->title = g_strdup_printf (_("Follow-up visits due (%u)"), follow_up->total);
  follow_up->description = g_strdup_printf (_("A visit is due %d days after a successful "
                                              "mediation."), visit_after);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(DeskCase) mcase = desk_case_get (store, id, error);
      g_autofree char *parties = NULL;
      g_autofree char *committee = NULL;
      g_autofree char *closed = NULL;
      DeskDueItem *item;

      if (mcase == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      parties = case_parties (store, mcase);
      committee = committee_name (store, mcase->committee_id);
      closed = g_strdup_printf (_("mediated successfully on %s"), mcase->closed_on);
      item = due_item_new (follow_up, "mediation_case", id);
      item->title = g_strdup (mcase->number);
      item->subtitle = join_parts (parties, committee, closed);
      item->days = desk_date_to_day (dashboard->today) - desk_date_to_day (mcase->closed_on)
                   - visit_after;
      if (item->days <= 0)
        {
          item->status = g_strdup (_("Visit due today"));
          item->level = DESK_DUE_LEVEL_SOON;
        }
      else
        {
          item->status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "Visit %d day overdue",
                                                       "Visit %d days overdue", item->days),
                                          item->days);
          item->level = DESK_DUE_LEVEL_LATE;
          follow_up->late++;
        }
      item->what = g_strdup_printf (_("Mediation case %s"), mcase->number);
    }
  return TRUE;
}

static void
add_aid_item (DeskStore          *store,
              DeskDashboard      *dashboard,
              const DeskLegalAid *aid,
              int                 limit)
{
  DeskDueGroup *group = &dashboard->groups[DESK_DUE_AID];
  g_autofree char *applicant = NULL;
  g_autofree char *received = NULL;
  g_autofree char *day = NULL;
  DeskDueItem *item;
  int pending;

  pending = desk_legal_aid_working_days_pending (store, aid, dashboard->today);
  if (pending < 0)
    return;
  applicant = person_name (store, aid->person_id);
  day = g_strndup (aid->received_at, 10);
  received = g_strdup_printf (_("received on %s"), day);
  item = due_item_new (group, "legal_aid", aid->id);
  item->title = g_strdup (aid->number);
  item->subtitle = join_parts (applicant, received,
                               aid->status == DESK_AID_STATUS_SUPPLEMENT
                                 ? desk_aid_status_label (aid->status) : NULL);
  item->days = pending - limit;
  item->what = g_strdup_printf (_("Legal-aid application %s"), aid->number);
  if (item->days > 0)
    {
      item->status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%d working day over the limit",
                                                   "%d working days over the limit",
                                                   item->days),
                                      item->days);
      item->level = DESK_DUE_LEVEL_LATE;
    }
  else if (item->days == 0)
    {
      item->status = g_strdup (_("Forward today"));
      item->level = DESK_DUE_LEVEL_SOON;
    }
  else
    {
      item->status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day left",
                                                   "%d working days left", -item->days),
                                      -item->days);
      item->level = DESK_DUE_LEVEL_NORMAL;
    }
}

static int
compare_receipts (gconstpointer a,
                  gconstpointer b)
{
  const DeskLegalAid *x = *(DeskLegalAid *const *) a;
  const DeskLegalAid *y = *(DeskLegalAid *const *) b;
  int order = g_strcmp0 (x->received_at, y->received_at);

  if (order != 0)
    return order;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* Applications neither forwarded nor withdrawn: those past the limit (the
 * longest waiting first), then those still within it, received after the
 * overdue cut-off: a few days' applications at most. */
static gboolean
gather_aid (DeskStore      *store,
            DeskDashboard  *dashboard,
            GCancellable   *cancellable,
            GError        **error)
{
  const DeskAidStatus pending[] = { DESK_AID_STATUS_RECEIVED, DESK_AID_STATUS_SUPPLEMENT };
  DeskDueGroup *group = &dashboard->groups[DESK_DUE_AID];
  int limit = desk_settings_get_int (store, "aid-limit-days");
  g_autofree char *cutoff = desk_legal_aid_overdue_cutoff (store, dashboard->today);
  g_autofree char *after = desk_date_add_days (cutoff, 1);
  g_autoptr(GPtrArray) within = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                desk_legal_aid_free);
  g_autoptr(GArray) late = NULL;
  DeskAidFilter filter = { 0 };

  filter.overdue_only = TRUE;
  filter.limit = DESK_DASHBOARD_SHOWN;
  late = desk_legal_aid_list (store, &filter, &group->late, error);
  if (late == NULL)
    return FALSE;
  for (guint i = 0; i < late->len; i++)
    {
      g_autoptr(DeskLegalAid) aid = desk_legal_aid_get (store, g_array_index (late, gint64, i),
                                                        error);

      if (aid == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      add_aid_item (store, dashboard, aid, limit);
    }

  group->total = group->late;
  for (guint i = 0; i < G_N_ELEMENTS (pending); i++)
    {
      g_autoptr(GArray) ids = NULL;

      memset (&filter, 0, sizeof filter);
      filter.from = after;
      filter.status = pending[i];
      ids = desk_legal_aid_list (store, &filter, NULL, error);
      if (ids == NULL)
        return FALSE;
      group->total += ids->len;
      for (guint j = 0; j < ids->len; j++)
        {
          DeskLegalAid *aid = desk_legal_aid_get (store, g_array_index (ids, gint64, j), error);

          if (aid == NULL)
            return FALSE;
          g_ptr_array_add (within, aid);
        }
    }
  g_ptr_array_sort (within, compare_receipts);
  for (guint i = 0; i < within->len && group->items->len < DESK_DASHBOARD_SHOWN; i++)
    add_aid_item (store, dashboard, g_ptr_array_index (within, i), limit);

  group->title = g_strdup_printf (_("Legal-aid applications to forward (%u)"), group->total);
  if (group->late > 0)
    group->description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u of them is past the limit of %d "
                                                       "working days.",
                                                       "%u of them are past the limit of %d "
                                                       "working days.", group->late),
                                          group->late, limit);
  else
    group->description = g_strdup_printf (_("Forward within %d working days of receipt."),
                                          limit);
  return TRUE;
}

static gboolean
gather_advisers (DeskStore      *store,
                 DeskDashboard  *dashboard,
                 GError        **error)
{
  DeskDueGroup *group = &dashboard->groups[DESK_DUE_ADVISER];
  g_autoptr(GPtrArray) shortfall = desk_adviser_shortfall (store, dashboard->year,
                                                           dashboard->month, error);
  int year, month, day = 1;
  int days_left;

  if (shortfall == NULL)
    return FALSE;
  desk_date_to_ymd (dashboard->today, &year, &month, &day);
  days_left = desk_days_in_month (dashboard->year, dashboard->month) - day;
  group->total = shortfall->len;
  group->title = g_strdup_printf (_("Advisers short of this month's minimum (%u)"),
                                  group->total);
  group->description = g_strdup_printf (_("At least %d on-site services and %d on-site hours "
                                          "a month."),
                                        desk_settings_get_int (store, "adviser-min-visits"),
                                        desk_settings_get_int (store, "adviser-min-hours"));
  for (guint i = 0; i < shortfall->len && group->items->len < DESK_DASHBOARD_SHOWN; i++)
    {
      const DeskAdviserShortfall *s = g_ptr_array_index (shortfall, i);
      int visits_short = MAX (s->min_visits - s->onsite_visits, 0);
      int half_hours_short = MAX (s->min_hours * 2 - s->onsite_half_hours, 0);
      g_autofree char *hours = desk_adviser_format_hours (s->onsite_half_hours);
      g_autofree char *hours_short = desk_adviser_format_hours (half_hours_short);
      g_autofree char *done = NULL;
      DeskDueItem *item = due_item_new (group, "adviser", s->adviser_id);

      done = g_strdup_printf (_("on site this month: %d services (at least %d), %s hours "
                                "(at least %d)"),
                              s->onsite_visits, s->min_visits, hours, s->min_hours);
      item->title = g_strdup (s->name);
      item->subtitle = join_parts (s->institution, done, NULL);
      if (visits_short > 0 && half_hours_short > 0)
        item->status = g_strdup_printf (_("%d services and %s hours short"), visits_short,
                                        hours_short);
      else if (visits_short > 0)
        item->status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d service short",
                                                     "%d services short", visits_short),
                                        visits_short);
      else
        item->status = g_strdup_printf (_("%s hours short"), hours_short);
      item->what = g_strdup_printf (_("Legal adviser %s"), s->name);
      /* the month is still running: a warning, not yet a failure */
      item->days = -days_left;
      item->level = DESK_DUE_LEVEL_SOON;
    }
  return TRUE;
}

/* Last month's report is due on report-due-day of this month. */
static gboolean
gather_report (DeskStore      *store,
               DeskDashboard  *dashboard,
               GError        **error)
{
  g_autoptr(DeskExport) export = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *due = NULL;
  int due_day = desk_settings_get_int (store, "report-due-day");

  dashboard->report_year = dashboard->month == 1 ? dashboard->year - 1 : dashboard->year;
  dashboard->report_month = dashboard->month == 1 ? 12 : dashboard->month - 1;
  dashboard->report_due = g_strdup_printf ("%04d-%02d-%02d", dashboard->year, dashboard->month,
                                           CLAMP (due_day, 1, 28));
  dashboard->report_days = desk_date_to_day (dashboard->report_due)
                           - desk_date_to_day (dashboard->today);
  dashboard->report_title = g_strdup_printf (_("Monthly report for %d-%02d"),
                                             dashboard->report_year, dashboard->report_month);
  due = g_strdup_printf (_("due on %s"), dashboard->report_due);

  export = desk_history_last (store, dashboard->report_year, dashboard->report_month,
                              &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (export != NULL)
    {
      g_autoptr(GPtrArray) changes = desk_history_changes (store, dashboard->report_year,
                                                           dashboard->report_month, error);
      g_autofree char *changed = NULL;

      if (changes == NULL)
        return FALSE;
      dashboard->exported_on = g_strndup (export->exported_at, 10);
      dashboard->changed = changes->len;
      dashboard->report_status = g_strdup_printf (_("Exported %s"), dashboard->exported_on);
      dashboard->report_level = DESK_DUE_LEVEL_DONE;
      if (changes->len > 0)
        {
          changed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u figure changed since: send a corrected "
                                                  "workbook",
                                                  "%u figures changed since: send a corrected "
                                                  "workbook", changes->len),
                                     changes->len);
          dashboard->report_level = DESK_DUE_LEVEL_SOON;
        }
      dashboard->report_subtitle = join_parts (due, changed, NULL);
      return TRUE;
    }

  dashboard->report_subtitle = g_steal_pointer (&due);
  if (dashboard->report_days > 0)
    {
      dashboard->report_status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "To send, %d day left",
                                                               "To send, %d days left",
                                                               dashboard->report_days),
                                                  dashboard->report_days);
      dashboard->report_level = dashboard->report_days <= 3 ? DESK_DUE_LEVEL_SOON
                                                            : DESK_DUE_LEVEL_NORMAL;
    }
  else if (dashboard->report_days == 0)
    {
      dashboard->report_status = g_strdup (_("To send, due today"));
      dashboard->report_level = DESK_DUE_LEVEL_SOON;
    }
  else
    {
      dashboard->report_status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day late",
                                                               "%d days late",
                                                               -dashboard->report_days),
                                                  -dashboard->report_days);
      dashboard->report_level = DESK_DUE_LEVEL_LATE;
    }
  return TRUE;
}

/* A number cell of @table, in tenths (counts have no decimals, the
 * indicators one). */
static gboolean
cell_tenths (const DeskReportTable *table,
             int                    row,
             int                    column,
             gint64                *tenths)
{
  const DeskReportRow *r = g_ptr_array_index (table->rows, row);
  const DeskReportColumn *c = g_ptr_array_index (table->columns, column);
  const DeskCell *cell = &r->cells[column];

  if (cell->kind != DESK_CELL_NUMBER)
    return FALSE;
  *tenths = cell->value;
  for (int d = c->decimals; d < 1; d++)
    *tenths *= 10;
  for (int d = c->decimals; d > 1; d--)
    *tenths /= 10;
  return TRUE;
}

static gint64
count_cell (const DeskReportTable *table,
            int                    row,
            int                    column)
{
  const DeskReportRow *r = g_ptr_array_index (table->rows, row);

  return r->cells[column].kind == DESK_CELL_NUMBER ? r->cells[column].value : 0;
}

/* The figures do not hold a row or column this page reads: a mistake in
 * the program, told rather than crashed on. */
static gboolean
lacks (const char  *what,
       GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The monthly figures lack “%s”."), what);
  return FALSE;
}

static gboolean
gather_counts (DeskStore      *store,
               DeskDashboard  *dashboard,
               GError        **error)
{
  g_autoptr(DeskReport) report = desk_figures_compute (store, dashboard->year,
                                                       dashboard->month, error);
  const DeskReportTable *summary;
  const DeskReportTable *indicators;
  g_autofree char *first = NULL;
  int this_month, last_month, current, target;

  if (report == NULL)
    return FALSE;
  summary = desk_report_find_table (report, "汇总", 0);
  indicators = desk_report_find_table (report, "汇总", 1);
  if (summary == NULL || indicators == NULL)
    return lacks ("汇总", error);

  this_month = desk_report_table_find_column (summary, "本月");
  last_month = desk_report_table_find_column (summary, "上月");
  if (this_month < 0 || last_month < 0)
    return lacks ("本月/上月", error);
  for (guint i = 0; i < G_N_ELEMENTS (count_rows); i++)
    {
      int row = desk_report_table_find_row (summary, count_rows[i]);
      DeskDashboardCount *count;

      if (row < 0)
        return lacks (count_rows[i], error);
      count = g_new0 (DeskDashboardCount, 1);
      count->label = g_strdup (count_rows[i]);
      count->this_month = count_cell (summary, row, this_month);
      count->last_month = count_cell (summary, row, last_month);
      g_ptr_array_add (dashboard->counts, count);
    }
  first = g_strdup_printf ("%04d-%02d-01", dashboard->year, dashboard->month);
  dashboard->counts_title = g_strdup (_("This Month"));
  dashboard->counts_description = g_strdup_printf (_("%s to %s, beside last month in full"),
                                                   first, dashboard->today);

  current = desk_report_table_find_column (indicators, "当前值(%)");
  target = desk_report_table_find_column (indicators, "目标值(%)");
  if (current < 0 || target < 0)
    return lacks ("当前值(%)/目标值(%)", error);
  dashboard->indicators_title = g_strdup (indicators->row_header);
  for (guint i = 0; i < indicators->rows->len; i++)
    {
      const DeskReportRow *row = g_ptr_array_index (indicators->rows, i);
      DeskDashboardIndicator *indicator = g_new0 (DeskDashboardIndicator, 1);

      indicator->label = g_strdup (row->label);
      indicator->has_value = cell_tenths (indicators, i, current, &indicator->value);
      cell_tenths (indicators, i, target, &indicator->target);
      g_ptr_array_add (dashboard->indicators, indicator);
    }
  return TRUE;
}

static char *
today_title (const char *today)
{
  int year, month, day;
  g_autoptr(GDateTime) date = NULL;

  if (!desk_date_to_ymd (today, &year, &month, &day))
    return g_strdup (today);
  date = g_date_time_new_local (year, month, day, 12, 0, 0);
  /* TRANSLATORS: today's date above the dashboard; g_date_time_format() */
  return g_date_time_format (date, _("%A, %-d %B %Y"));
}

/**
 * desk_dashboard_compute:
 *
 * Returns: (transfer full) (nullable): what the page shows, or %NULL with
 *   @error (cancelled included).
 */
DeskDashboard *
desk_dashboard_compute (DeskStore     *store,
                        const char    *today,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(DeskDashboard) dashboard = g_new0 (DeskDashboard, 1);
  const char *pages[DESK_DUE_N_KINDS] = { "cases", "cases", "legal-aid", "advisers" };
  int day;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (desk_date_valid (today), NULL);

  dashboard->today = g_strdup (today);
  dashboard->today_title = today_title (today);
  desk_date_to_ymd (today, &dashboard->year, &dashboard->month, &day);
  dashboard->counts = g_ptr_array_new_with_free_func ((GDestroyNotify) count_free);
  dashboard->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) indicator_free);
  for (guint i = 0; i < DESK_DUE_N_KINDS; i++)
    {
      dashboard->groups[i].kind = i;
      dashboard->groups[i].page = pages[i];
      dashboard->groups[i].items = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                   due_item_free);
    }

  if (!gather_cases (store, dashboard, cancellable, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !gather_aid (store, dashboard, cancellable, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !gather_advisers (store, dashboard, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !gather_report (store, dashboard, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !gather_counts (store, dashboard, error))
    return NULL;
  return g_steal_pointer (&dashboard);
}
