/* desk-list-page-specs.c — what each list page shows: its columns, its
 * filters and its default order, in the order of the paper ledgers. */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-codes.h"
#include "desk-list-page.h"

/* Statuses are data (domain.md), in the order of their flow. */
static const char *const case_statuses[] = {
  "已受理", "调解中", "调解成功", "调解不成功", "终止", NULL
};

static const char *const aid_statuses[] = {
  "已接收", "材料待补", "已转交", "中心已受理", "决定给予", "决定不予", "已指派", "已结案",
  "已终止", "申请人撤回", NULL
};

static const DeskListPageColumn consultation_columns[] = {
  { "number", N_("Number"), "number", 9, DESK_LIST_COLUMN_TEXT },
  { "at", N_("Date and Time"), "at", 9, DESK_LIST_COLUMN_TEXT },
  { "person", N_("Visitor"), "person", 5, DESK_LIST_COLUMN_TEXT, N_("Anonymous") },
  { "category", N_("Category"), "category", 7, DESK_LIST_COLUMN_TEXT },
  { "content", N_("Content"), NULL, 0, DESK_LIST_COLUMN_TEXT },
  { "result", N_("Result"), NULL, 7, DESK_LIST_COLUMN_TEXT },
  { "village", N_("Village"), NULL, 5, DESK_LIST_COLUMN_TEXT },
};

static const DeskListPageFilter consultation_filters[] = {
  { DESK_LIST_FILTER_PERIOD, "filter-period", N_("Any Date"), NULL, NULL },
  { DESK_LIST_FILTER_CHANNEL, "filter-channel", N_("Every Channel"), DESK_CODE_CHANNEL, NULL },
  { DESK_LIST_FILTER_CATEGORY, "filter-category", N_("Every Category"),
    DESK_CODE_CONSULT_CATEGORY, NULL },
  { DESK_LIST_FILTER_RESULT, "filter-result", N_("Every Result"), DESK_CODE_CONSULT_RESULT,
    NULL },
  { DESK_LIST_FILTER_VILLAGE, "filter-village", N_("Every Village"), NULL, NULL },
};

static const DeskListPageColumn case_columns[] = {
  { "number", N_("Case Number"), "number", 13, DESK_LIST_COLUMN_TEXT },
  { "accepted_on", N_("Accepted"), "accepted_on", 6, DESK_LIST_COLUMN_TEXT },
  { "committee", N_("Committee"), NULL, 5, DESK_LIST_COLUMN_TEXT },
  { "dispute_type", N_("Dispute type"), NULL, 7, DESK_LIST_COLUMN_TEXT },
  { "parties", N_("Parties"), NULL, 0, DESK_LIST_COLUMN_TEXT },
  { "status", N_("Case Status"), "status", 7, DESK_LIST_COLUMN_STATUS },
  { "closed_on", N_("Closed"), "closed_on", 6, DESK_LIST_COLUMN_TEXT },
};

static const DeskListPageFilter case_filters[] = {
  { DESK_LIST_FILTER_PERIOD, "filter-period", N_("Any Date"), NULL, NULL },
  { DESK_LIST_FILTER_COMMITTEE, "filter-committee", N_("Every Committee"), NULL, NULL },
  { DESK_LIST_FILTER_CATEGORY, "filter-dispute-type", N_("Every Dispute Type"),
    DESK_CODE_DISPUTE_TYPE, NULL },
  { DESK_LIST_FILTER_STATUS, "filter-status", N_("Every Status"), NULL, case_statuses },
  { DESK_LIST_FILTER_MEDIATOR, "filter-mediator", N_("Every Mediator"), NULL, NULL },
  { DESK_LIST_FILTER_OVERDUE, "filter-overdue", NULL, NULL, NULL },
};

static const DeskListPageColumn screening_columns[] = {
  { "screened_on", N_("Screened On"), "screened_on", 6, DESK_LIST_COLUMN_TEXT },
  { "committee", N_("Committee"), NULL, 6, DESK_LIST_COLUMN_TEXT },
  { "village", N_("Village"), "village", 6, DESK_LIST_COLUMN_TEXT },
  { "screener", N_("Screened By"), NULL, 6, DESK_LIST_COLUMN_TEXT },
  { "found", N_("Disputes Found"), NULL, 6, DESK_LIST_COLUMN_TEXT },
  { "prevented", N_("Disputes Prevented"), NULL, 6, DESK_LIST_COLUMN_TEXT },
  { "notes", N_("Notes"), NULL, 0, DESK_LIST_COLUMN_TEXT },
};

static const DeskListPageFilter screening_filters[] = {
  { DESK_LIST_FILTER_PERIOD, "filter-period", N_("Any Date"), NULL, NULL },
  { DESK_LIST_FILTER_COMMITTEE, "filter-committee", N_("Every Committee"), NULL, NULL },
  { DESK_LIST_FILTER_VILLAGE, "filter-village", N_("Every Village"), NULL, NULL },
};

static const DeskListPageColumn aid_columns[] = {
  { "number", N_("Registration Number"), "number", 8, DESK_LIST_COLUMN_TEXT },
  { "received_at", N_("Received"), "received_at", 9, DESK_LIST_COLUMN_TEXT },
  { "person", N_("Applicant"), "person", 5, DESK_LIST_COLUMN_TEXT },
  { "matter", N_("Legal-Aid Matter"), NULL, 0, DESK_LIST_COLUMN_TEXT },
  { "status", N_("Application Status"), "status", 7, DESK_LIST_COLUMN_STATUS },
  { "forwarded_on", N_("Forwarded"), NULL, 6, DESK_LIST_COLUMN_TEXT },
};

static const DeskListPageFilter aid_filters[] = {
  { DESK_LIST_FILTER_PERIOD, "filter-period", N_("Any Date"), NULL, NULL },
  { DESK_LIST_FILTER_STATUS, "filter-status", N_("Every Status"), NULL, aid_statuses },
  { DESK_LIST_FILTER_CATEGORY, "filter-matter", N_("Every Matter"), DESK_CODE_AID_MATTER,
    NULL },
  { DESK_LIST_FILTER_OVERDUE, "filter-overdue", NULL, NULL, NULL },
};

static const DeskListPageColumn people_columns[] = {
  { "name", N_("Name"), "name", 5, DESK_LIST_COLUMN_TEXT },
  { "sex", N_("Sex"), NULL, 2, DESK_LIST_COLUMN_TEXT },
  { "id_number", N_("ID number"), NULL, 10, DESK_LIST_COLUMN_ID_NUMBER },
  { "phone", N_("Phone"), NULL, 7, DESK_LIST_COLUMN_TEXT },
  { "village", N_("Village"), "village", 5, DESK_LIST_COLUMN_TEXT },
  { "address", N_("Home Address"), NULL, 0, DESK_LIST_COLUMN_TEXT },
};

static const DeskListPageFilter people_filters[] = {
  { DESK_LIST_FILTER_VILLAGE, "filter-village", N_("Every Village"), NULL, NULL },
};

#define COLUMNS(a) a, G_N_ELEMENTS (a)

static const DeskListPageSpec specs[] = {
  {
    DESK_LIST_CONSULTATIONS, "consultations", "consultation",
    "win.edit-consultation", "win.new-consultation", N_("_New Consultation"),
    N_("Search visitors, ID numbers, phones, content"),
    "chat-message-new-symbolic", N_("No Consultations Yet"),
    N_("Every walk-in, telephone and written consultation is logged here. Ctrl+N logs "
       "the first."),
    COLUMNS (consultation_columns), COLUMNS (consultation_filters), "at", TRUE,
  },
  {
    DESK_LIST_MEDIATION_CASES, "cases", "mediation_case",
    "win.edit-case", "win.new-case", N_("_New Case"),
    N_("Search parties, case numbers, summaries"),
    "system-users-symbolic", N_("No Mediation Cases Yet"),
    N_("People's-mediation cases from acceptance to follow-up. Ctrl+N registers the first."),
    COLUMNS (case_columns), COLUMNS (case_filters), "accepted_on", TRUE,
  },
  {
    DESK_LIST_SCREENINGS, "screenings", "screening",
    "win.edit-screening", "win.new-screening", N_("_New Screening"),
    N_("Search screeners and notes"),
    "edit-find-symbolic", N_("No Screenings Yet"),
    N_("The committees' screenings for brewing disputes. Ctrl+N records the first."),
    COLUMNS (screening_columns), COLUMNS (screening_filters), "screened_on", TRUE,
  },
  {
    DESK_LIST_LEGAL_AID, "legal-aid", "legal_aid",
    "win.edit-aid", "win.new-aid", N_("_New Application"),
    N_("Search applicants, ID numbers, numbers, summaries"),
    "emblem-documents-symbolic", N_("No Legal-Aid Applications Yet"),
    N_("Applications received and forwarded to the county's legal-aid centre. Ctrl+N "
       "receives the first."),
    COLUMNS (aid_columns), COLUMNS (aid_filters), "received_at", TRUE,
  },
  {
    DESK_LIST_PEOPLE, "people", "person",
    "win.edit-person", "win.new-person", N_("_New Person"),
    N_("Search names, ID numbers, phones"),
    "x-office-address-book-symbolic", N_("Nobody Registered Yet"),
    N_("Everyone the station serves is registered once, with their history across every "
       "ledger."),
    COLUMNS (people_columns), COLUMNS (people_filters), "created", TRUE,
  },
};

/**
 * desk_list_page_spec:
 *
 * Returns: (transfer none): the page of the ledger @kind, or %NULL for a
 *   list with no page of its own.
 */
const DeskListPageSpec *
desk_list_page_spec (DeskListKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    if (specs[i].kind == kind)
      return &specs[i];
  return NULL;
}
