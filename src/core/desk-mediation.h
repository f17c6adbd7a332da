/* desk-mediation.h — people's-mediation cases (人民调解案件) and their
 * follow-up visits (回访).
 *
 * A case is numbered per committee and year, （2026）青山人调字第12号, and the
 * number is never given twice, deleted case or not.  Every write checks the
 * whole record (domain.md, "Mediation cases") and is one transaction: a
 * refused write leaves nothing behind and fails with a field error
 * (desk_error_get_field() names the field).  Records imported from old
 * ledgers may lack agreement details: DESK_CASE_WRITE_LENIENT accepts them,
 * desk_case_missing_fields() says what the editor should ask for.
 */
#pragma once

#include "desk-store.h"

G_BEGIN_DECLS

typedef enum
{
  DESK_CASE_STATUS_ANY = 0,   /* filters only: any status */
  DESK_CASE_ACCEPTED,         /* 已受理 */
  DESK_CASE_MEDIATING,        /* 调解中 */
  DESK_CASE_SUCCEEDED,        /* 调解成功 */
  DESK_CASE_FAILED,           /* 调解不成功 */
  DESK_CASE_TERMINATED,       /* 终止 */
} DeskCaseStatus;

const char     *desk_case_status_label      (DeskCaseStatus  status);
/* DESK_CASE_STATUS_ANY when @label is not a status. */
DeskCaseStatus  desk_case_status_from_label (const char     *label);
gboolean        desk_case_status_is_closed  (DeskCaseStatus  status);

typedef enum
{
  DESK_CASE_APPLICANT = 0,    /* 申请人 */
  DESK_CASE_RESPONDENT,       /* 被申请人 */
  DESK_CASE_THIRD_PARTY,      /* 第三人 */
} DeskCaseRole;

const char     *desk_case_role_label        (DeskCaseRole    role);
gboolean        desk_case_role_from_label   (const char     *label,
                                             DeskCaseRole   *role);

typedef struct
{
  gint64        person_id;    /* the register (people) */
  DeskCaseRole  role;
} DeskCaseParty;

/* 协议涉及金额 not given. */
#define DESK_CASE_NO_AMOUNT ((gint64) -1)

typedef struct
{
  gint64          id;                  /* 0: not saved yet */
  char           *number;              /* 案号; NULL on create: assigned */
  int             year;                /* of 受理日期; set on save */
  int             seq;                 /* the N of 第N号; set on save */
  gint64          committee_id;        /* 调委会 */
  char           *accepted_on;         /* 受理日期 */
  gint64          registrar_id;        /* 承办人 (staff); 0: none */
  gint64          source_id;           /* 案件来源, kind case_source */
  gint64          dispute_type_id;     /* 纠纷类型, kind dispute_type */
  gint64          difficulty_id;       /* 难度, kind difficulty; 0: none */
  gint64          risk_id;             /* 风险预判, kind risk; 0: none */
  int             party_count;         /* 涉及当事人数 */
  gboolean        party_count_manual;  /* set by hand; else follows the parties */
  char           *summary;             /* 纠纷简要情况 */
  char           *request;             /* 申请事项 */
  DeskCaseStatus  status;
  char           *closed_on;           /* 结案日期 */
  char           *agreement_form;      /* 协议形式: 口头, 书面 */
  char           *agreement_content;   /* 协议内容 */
  gint64          agreement_amount;    /* 协议涉及金额, fen; DESK_CASE_NO_AMOUNT */
  char           *performance_manner;  /* 履行方式 */
  char           *performance_term;    /* 履行期限 */
  gint64          performance_id;      /* 履行情况, kind performance; 0: none */
  char           *confirmed_on;        /* 司法确认日期 */
  int             prevent_suicide;     /* 防激化: people, 0 = not recorded */
  int             prevent_criminal;
  int             prevent_petition;
  int             prevent_fight;
  char           *retention;           /* 卷宗保管期限: 短期, 长期, 永久 */
  char           *filed_on;            /* 立卷日期 */
  gint64          consultation_id;     /* opened from this consultation; 0: none */
  char           *created_at;
  char           *updated_at;
  GArray         *parties;             /* (element-type DeskCaseParty) in order */
  GArray         *mediator_ids;        /* (element-type gint64) in order */
} DeskCase;

#define DESK_TYPE_CASE (desk_case_get_type ())
GType       desk_case_get_type       (void) G_GNUC_CONST;

DeskCase   *desk_case_new            (void);   /* 已受理, no amount, empty lists */
DeskCase   *desk_case_copy           (const DeskCase *mcase);
void        desk_case_free           (DeskCase       *mcase);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskCase, desk_case_free)

void        desk_case_add_party      (DeskCase       *mcase,
                                      gint64          person_id,
                                      DeskCaseRole    role);
void        desk_case_add_mediator   (DeskCase       *mcase,
                                      gint64          mediator_id);

typedef enum
{
  DESK_CASE_WRITE_DEFAULT = 0,
  /* From an old ledger: a 调解成功 record may lack 协议形式, 协议内容,
   * 协议涉及金额, 履行方式 and 履行期限. */
  DESK_CASE_WRITE_LENIENT = 1 << 0,
} DeskCaseWriteFlags;

/* Checks @mcase as a create (id 0) or an update would, and normalises it in
 * place on success (dates, text, 涉及当事人数); writes nothing. */
gboolean    desk_case_validate       (DeskStore          *store,
                                      DeskCase           *mcase,
                                      DeskCaseWriteFlags  flags,
                                      GError            **error);

/* Saves a new case and fills in id, number, year, seq, party_count and the
 * timestamps; on failure @mcase is left as it was.  A given number must be
 * （{year of 受理日期}）{the committee's short name}人调字第{N}号 and not used
 * before; later numbers continue after it.  When consultation_id is set, the
 * consultation is linked back (consultations.case_id). */
gint64      desk_case_create         (DeskStore          *store,
                                      DeskCase           *mcase,
                                      DeskCaseWriteFlags  flags,
                                      GError            **error);
/* The number never changes; neither do the committee and the year of
 * 受理日期.  Parties and mediators are replaced by @mcase's lists. */
gboolean    desk_case_update         (DeskStore          *store,
                                      DeskCase           *mcase,
                                      DeskCaseWriteFlags  flags,
                                      GError            **error);
/* Soft delete, with its visits; the number stays used. */
gboolean    desk_case_delete         (DeskStore          *store,
                                      gint64              id,
                                      GError            **error);
/* With parties and mediators; a deleted case is DESK_RECORD_ERROR_NOT_FOUND. */
DeskCase   *desk_case_get            (DeskStore          *store,
                                      gint64              id,
                                      GError            **error);
/* The live case with @number, or 0. */
gint64      desk_case_find_by_number (DeskStore          *store,
                                      const char         *number);

/* A new case pre-filled from a consultation: its person as 申请人, its
 * content as 纠纷简要情况, accepted today, linked by consultation_id. */
DeskCase   *desk_case_new_from_consultation (DeskStore   *store,
                                             gint64       consultation_id,
                                             GError     **error);

/* (transfer full): the translated labels of the agreement details a
 * 调解成功 case lacks (empty for other statuses). */
GStrv       desk_case_missing_fields (const DeskCase     *mcase);

/* Days past the mediation time limit (mediation-limit-days after 受理日期)
 * of an open case; 0 when not overdue or closed. */
int         desk_case_overdue_days   (DeskStore          *store,
                                      const DeskCase     *mcase);
/* The latest 受理日期 that is past the time limit on @today (NULL:
 * desk_today()): an open case is overdue exactly when accepted on or before
 * it.  Every overdue test (desk_case_overdue_days(), the overdue filters of
 * desk_case_list() and of the list pages) counts from it.  (transfer full) */
char       *desk_case_overdue_cutoff (DeskStore          *store,
                                      const char         *today);
/* A 调解成功 case closed follow-up-days ago or more without a visit. */
gboolean    desk_case_follow_up_due  (DeskStore          *store,
                                      const DeskCase     *mcase);

/* 案号: （2026）青山人调字第12号, full-width parentheses. */
char       *desk_case_number_format  (int                 year,
                                      const char         *short_name,
                                      int                 seq);
/* Any out parameter may be NULL.  Another form is a field error. */
gboolean    desk_case_number_parse   (const char         *number,
                                      int                *year,
                                      char              **short_name,
                                      int                *seq,
                                      GError            **error);

typedef struct
{
  const char     *from;              /* 受理日期 from, inclusive; NULL: open */
  const char     *until;             /* 受理日期 until, inclusive; NULL: open */
  gint64          committee_id;      /* 0: any */
  gint64          dispute_type_id;   /* 0: any */
  DeskCaseStatus  status;            /* DESK_CASE_STATUS_ANY */
  gint64          mediator_id;       /* 0: any */
  gint64          person_id;         /* a party; 0: any */
  gboolean        open_only;         /* not closed */
  gboolean        overdue;           /* open, accepted more than the limit ago */
  gboolean        follow_up_due;     /* as desk_case_follow_up_due() */
  guint           limit;             /* 0: all */
  guint           offset;
} DeskCaseFilter;

/* (element-type gint64): the ids of the live cases matching @filter (NULL:
 * all), newest 受理日期 first; @n_total (nullable) receives how many match
 * without limit and offset. */
GArray     *desk_case_list           (DeskStore            *store,
                                      const DeskCaseFilter *filter,
                                      guint                *n_total,
                                      GError              **error);

/* 回访 */
typedef struct
{
  gint64  id;
  gint64  case_id;
  char   *visited_on;        /* not before 结案日期, not after today */
  gint64  mode_id;           /* kind visit_mode */
  char   *visitor;           /* 回访人, free text */
  gint64  performance_id;    /* kind performance; 0: none */
  gint64  satisfaction_id;   /* kind satisfaction; 0: none */
  char   *notes;
  char   *created_at;
  char   *updated_at;
} DeskCaseVisit;

#define DESK_TYPE_CASE_VISIT (desk_case_visit_get_type ())
GType          desk_case_visit_get_type (void) G_GNUC_CONST;

DeskCaseVisit *desk_case_visit_new    (void);
DeskCaseVisit *desk_case_visit_copy   (const DeskCaseVisit *visit);
void           desk_case_visit_free   (DeskCaseVisit       *visit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskCaseVisit, desk_case_visit_free)

/* Visits belong to 调解成功 cases only. */
gint64         desk_case_visit_create (DeskStore      *store,
                                       DeskCaseVisit  *visit,
                                       GError        **error);
gboolean       desk_case_visit_update (DeskStore      *store,
                                       DeskCaseVisit  *visit,
                                       GError        **error);
gboolean       desk_case_visit_delete (DeskStore      *store,
                                       gint64          id,
                                       GError        **error);
DeskCaseVisit *desk_case_visit_get    (DeskStore      *store,
                                       gint64          id,
                                       GError        **error);
/* (element-type DeskCaseVisit): the live visits of a case, by date. */
GPtrArray     *desk_case_visits_list  (DeskStore      *store,
                                       gint64          case_id,
                                       GError        **error);

G_END_DECLS
