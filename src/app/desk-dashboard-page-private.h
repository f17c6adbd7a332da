/* desk-dashboard-page-private.h — what the 工作台 page shows, as plain data.
 *
 * desk_dashboard_compute() gathers it from a ledger (in the page's worker,
 * on a read-only connection of its own); the page only lays it out.  Every
 * text is ready to show, in the user's language, so that the widgets and
 * the tests read the same words.
 */
#pragma once

#include <gio/gio.h>

#include "desk-store.h"

G_BEGIN_DECLS

/* A group lists at most this many records; the list pages hold the rest. */
#define DESK_DASHBOARD_SHOWN 10

typedef enum
{
  DESK_DUE_CASE_OVERDUE = 0,   /* mediation cases past the time limit */
  DESK_DUE_FOLLOW_UP,          /* successful cases awaiting their visit */
  DESK_DUE_AID,                /* applications still to forward */
  DESK_DUE_ADVISER,            /* advisers short of this month's minimum */
  DESK_DUE_N_KINDS
} DeskDueKind;

typedef enum
{
  DESK_DUE_LEVEL_NORMAL = 0,
  DESK_DUE_LEVEL_DONE,         /* shown .success */
  DESK_DUE_LEVEL_SOON,         /* .warning: due today or nearly */
  DESK_DUE_LEVEL_LATE,         /* .error: past a limit */
} DeskDueLevel;

typedef struct
{
  const char   *record_kind;   /* "mediation_case", "legal_aid", "adviser" (static) */
  gint64        id;
  char         *title;         /* 案号, 登记号, the adviser's name */
  char         *subtitle;      /* parties, dates, what falls short */
  char         *status;        /* "超期 23 天" */
  char         *what;          /* the record named in a sentence: "调解案件（2026）…" */
  int           days;          /* days (working days for 法援) past the limit;
                                  negative: left before it */
  DeskDueLevel  level;
} DeskDueItem;

typedef struct
{
  DeskDueKind  kind;
  char        *title;          /* with the count */
  char        *description;    /* the limit that applies */
  const char  *page;           /* the list page holding them all */
  GPtrArray   *items;          /* (element-type DeskDueItem) at most DESK_DASHBOARD_SHOWN */
  guint        total;          /* how many in all */
  guint        late;           /* of which past a limit */
} DeskDueGroup;

typedef struct
{
  char   *label;               /* the 汇总 row, "法律咨询(件)" (data) */
  gint64  this_month;
  gint64  last_month;
} DeskDashboardCount;

typedef struct
{
  char     *label;             /* the 站点指标 row (data) */
  gboolean  has_value;         /* FALSE when the denominator is 0 */
  gint64    value;             /* tenths of a percent */
  gint64    target;            /* tenths of a percent */
} DeskDashboardIndicator;

typedef struct
{
  char         *today;
  char         *today_title;   /* "2026年11月23日 星期一" */
  int           year;          /* this month */
  int           month;

  DeskDueGroup  groups[DESK_DUE_N_KINDS];

  /* Last month's report, due on report-due-day of this month. */
  int           report_year;
  int           report_month;
  char         *report_due;    /* YYYY-MM-DD */
  int           report_days;   /* due − today: left (> 0) or late (< 0) */
  char         *exported_on;   /* YYYY-MM-DD of the last export; NULL: none */
  guint         changed;       /* figures changed since that export */
  char         *report_title;
  char         *report_subtitle;
  char         *report_status;
  DeskDueLevel  report_level;

  char         *counts_title;
  char         *counts_description;
  GPtrArray    *counts;        /* (element-type DeskDashboardCount) */
  char         *indicators_title;   /* the block's row header, 站点指标 (data) */
  GPtrArray    *indicators;    /* (element-type DeskDashboardIndicator) */
} DeskDashboard;

void           desk_dashboard_free     (DeskDashboard  *dashboard);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskDashboard, desk_dashboard_free)

/* Everything the page shows on @today (YYYY-MM-DD; the records' own time
 * limits are judged on desk_today(), which the page passes). */
DeskDashboard *desk_dashboard_compute  (DeskStore      *store,
                                        const char     *today,
                                        GCancellable   *cancellable,
                                        GError        **error);

/* The item for a record, or NULL. */
const DeskDueItem *desk_dashboard_find (const DeskDashboard *dashboard,
                                        const char          *record_kind,
                                        gint64               id);

/* "+3", "−2", "0": a change between two counts. (transfer full) */
char          *desk_dashboard_format_change (gint64 this_month,
                                             gint64 last_month);
/* "85.7%" from tenths of a percent. (transfer full) */
char          *desk_dashboard_format_percent (gint64 tenths);

G_END_DECLS
