/* desk-figures-private.h — the machinery behind desk-figures.h.
 *
 * A figure of the forms is a count, a sum or a percentage over one
 * *measure*: a set of records given as fixed SQL fragments (the table, the
 * indexed date it counts by, the conditions) in desk-figures-measures.c.
 * The same fragments are composed into the GROUP BY query that computes a
 * column and into the query that lists the records behind one figure, so a
 * figure and its explanation cannot disagree.  The fragments are constants
 * in code, never user text; every value is bound.
 */
#pragma once

#include "desk-figures.h"

G_BEGIN_DECLS

#define FIG_MAX_VALUES 11
#define FIG_MAX_PARTS  3

/* What a figure is broken down by: the row or the column of a sheet. */
typedef enum
{
  FIG_DIM_NONE = 0,
  FIG_DIM_DISPUTE,      /* 纠纷类型 report row */
  FIG_DIM_SOURCE,       /* 案件来源 report row */
  FIG_DIM_COMMITTEE,    /* committee id */
  FIG_DIM_CATEGORY,     /* 咨询类别 report row */
  FIG_DIM_CHANNEL,      /* 渠道 report column */
  FIG_DIM_RESULT,       /* 处理结果 report column */
  FIG_DIM_MATTER,       /* 援助事项 report row */
  FIG_DIM_ADVISER,      /* adviser id */
  FIG_N_DIMS
} FigDim;

typedef enum
{
  FIG_PERIOD_UNSET = 0,
  FIG_PERIOD_MONTH,             /* M */
  FIG_PERIOD_YEAR,              /* 1 January to the end of M */
  FIG_PERIOD_PREV_MONTH,        /* the month before M */
  FIG_PERIOD_LAST_YEAR_MONTH,   /* M a year earlier */
  FIG_PERIOD_LAST_YEAR_TO_DATE, /* 1 January to the end of M, a year earlier */
  FIG_PERIOD_SNAPSHOT,          /* as of the last day (:last, :next) */
  FIG_N_PERIODS
} FigPeriod;

typedef struct _FigCtx FigCtx;

/* A table the figures count records of, and how a record is shown. */
typedef struct
{
  const char  *kind;          /* DeskRecordRef kind */
  const char  *table;         /* table name */
  const char  *alias;         /* its alias in every fragment */
  const char  *id;            /* the id a reference carries */
  const char  *number;        /* 编号 / name, or "NULL" */
  const char  *describe;      /* the columns describe_fn() reads */
  guint        n_describe;    /* how many */
  char       *(*describe_fn) (sqlite3_stmt *stmt,
                              int           col);
  const char  *dims[FIG_N_DIMS];  /* the key of each breakdown, NULL: none */
} FigSource;

typedef struct
{
  const char *index;          /* INDEXED BY (NULL: a small register) */
  const char *where;          /* the part's conditions; :lo :hi :last :next */
} FigPart;

/* Whether the current record of @stmt (its extra columns from @col on)
 * belongs to the figure of @arg (NULL: the measure's own condition). */
typedef gboolean (*FigAccept) (FigCtx       *ctx,
                               sqlite3_stmt *stmt,
                               int           col,
                               const char   *arg);

typedef struct
{
  const char        *name;
  const FigSource   *source;
  FigPart            parts[FIG_MAX_PARTS];  /* UNION ALL of disjoint parts */
  const char        *date;                  /* what it counts by */
  const char        *values[FIG_MAX_VALUES];  /* what sums add up, in order */
  const char        *extras;                /* columns accept() reads, or NULL */
  FigAccept          accept;
  const char *const *args;                  /* the args accept() answers */
} FigMeasure;

typedef struct
{
  gint64 count;
  gint64 sums[FIG_MAX_VALUES];
} FigAgg;

/* A record behind a figure, with the values it adds to each sum. */
typedef struct
{
  DeskRecordRef *ref;
  gint64         values[FIG_MAX_VALUES];
  gint64         weight;      /* what it adds to the figure being explained */
} FigRecord;

struct _FigCtx
{
  DeskStore  *store;
  int         year;
  int         month;
  char       *first;          /* M */
  char       *last;
  char       *jan1;
  char       *lo[FIG_N_PERIODS];   /* [lo, hi) */
  char       *hi[FIG_N_PERIODS];
  char       *as_of;          /* :last: the day snapshots are taken (M's last day) */
  char       *as_of_next;     /* :next: the day after */
  int         aid_limit;
  int         min_visits;
  int         min_hours;
  GHashTable *aggs;           /* cache: query key → GHashTable of FigAgg */
  gboolean    keep_failed;    /* a month could not be kept: stop trying */
};

FigCtx     *fig_ctx_new            (DeskStore         *store,
                                    int                year,
                                    int                month);
void        fig_ctx_free           (FigCtx            *ctx);
void        fig_ctx_set_as_of      (FigCtx            *ctx,
                                    const char        *day);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FigCtx, fig_ctx_free)

gboolean    fig_dim_is_id          (FigDim             dim);

/* The figures of @measure over @period by @row_dim × @col_dim (transfer
 * none: cached in @ctx); look a cell up with fig_agg_lookup(). */
GHashTable *fig_aggregate          (FigCtx            *ctx,
                                    const FigMeasure  *measure,
                                    FigPeriod          period,
                                    FigDim             row_dim,
                                    FigDim             col_dim,
                                    GError           **error);
FigAgg      fig_agg_lookup         (GHashTable        *agg,
                                    const char        *row_key,
                                    const char        *col_key,
                                    const char        *arg);

/* Appends the records (FigRecord) of @measure over @period whose row and
 * column keys are @row_key and @col_key (NULL: any) and that @arg accepts. */
gboolean    fig_explain_measure    (FigCtx            *ctx,
                                    const FigMeasure  *measure,
                                    FigPeriod          period,
                                    FigDim             row_dim,
                                    const char        *row_key,
                                    FigDim             col_dim,
                                    const char        *col_key,
                                    const char        *arg,
                                    GPtrArray         *records,
                                    GError           **error);
void        fig_record_free        (FigRecord         *record);
void        fig_records_sort       (GPtrArray         *records);

/* 填报说明 (desk-figures-notes.c). */
void        fig_add_notes          (DeskReport        *report,
                                    FigCtx            *ctx);

/* One snapshot of the ledger for a whole computation, even while the
 * window saves a record on another connection. */
gboolean    fig_read_begin         (DeskStore         *store,
                                    gboolean          *began,
                                    GError           **error);
void        fig_read_end           (DeskStore         *store,
                                    gboolean           began);

/* The measures (desk-figures-measures.c). */
extern const FigMeasure fig_consultations;
extern const FigMeasure fig_cases_accepted;
extern const FigMeasure fig_cases_closed;
extern const FigMeasure fig_cases_success;
extern const FigMeasure fig_cases_oral;
extern const FigMeasure fig_cases_written;
extern const FigMeasure fig_cases_confirmed;
extern const FigMeasure fig_cases_open;
extern const FigMeasure fig_cases_prevent_suicide;
extern const FigMeasure fig_cases_prevent_criminal;
extern const FigMeasure fig_cases_prevent_petition;
extern const FigMeasure fig_cases_prevent_fight;
extern const FigMeasure fig_screenings;
extern const FigMeasure fig_aid_received;
extern const FigMeasure fig_aid_forwarded;
extern const FigMeasure fig_aid_on_time;
extern const FigMeasure fig_aid_granted;
extern const FigMeasure fig_aid_refused;
extern const FigMeasure fig_aid_withdrawn;
extern const FigMeasure fig_aid_pending;
extern const FigMeasure fig_services;
extern const FigMeasure fig_services_on_site;
extern const FigMeasure fig_assignments;
extern const FigMeasure fig_mediators;
extern const FigMeasure fig_villages;
extern const FigMeasure fig_aid_no_birth_date;
extern const FigMeasure fig_cases_no_agreement;
extern const FigMeasure fig_cases_overdue;
extern const FigMeasure fig_aid_overdue;
extern const FigMeasure fig_services_unassigned;

/* Values of fig_services, in order. */
enum
{
  FIG_SERVICE_HOURS = 0,      /* tenths of an hour */
  FIG_SERVICE_CONSULTS,
  FIG_SERVICE_LECTURES,
  FIG_SERVICE_AUDIENCE,
  FIG_SERVICE_MEDIATIONS,
  FIG_SERVICE_CONTRACTS,
  FIG_SERVICE_VILLAGE_RULES,
  FIG_SERVICE_DOCUMENTS,
  FIG_SERVICE_AID_REFERRALS,
  FIG_SERVICE_TRAINEES,
  FIG_SERVICE_LEAFLETS,
};

/* The 受援人类别 rows after 申请件数, in order. */
extern const char *const fig_aid_categories[];

/* Records dated after today, one measure per dated column. */
const FigMeasure *const *fig_future_measures (void);

G_END_DECLS
