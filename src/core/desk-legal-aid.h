/* desk-legal-aid.h — legal-aid applications received and forwarded
 * (法律援助申请 受理转交).
 *
 * The station receives an application, checks it, forwards it to the
 * county legal-aid centre and follows the centre's answer.  An application
 * keeps its own copy of the applicant's 性别, 出生日期, 民族 and typed flags,
 * pre-filled from the register, so that editing the person later never
 * changes a past month's figures.
 *
 * 受援人类别 of an application, judged on the date of receipt D
 * (= substr (received_at, 1, 10)) from the application's own copy; the
 * figures use exactly this rule in SQL:
 *
 *   age        = CAST (substr (D, 1, 4) AS INTEGER)
 *                - CAST (substr (birth_date, 1, 4) AS INTEGER)
 *                - (substr (D, 6, 5) < substr (birth_date, 6, 5))
 *                (completed years; born 29 February: a year older on
 *                1 March in common years; no birth date: no age)
 *   老年人     birth_date IS NOT NULL AND age >= 60
 *   未成年人   birth_date IS NOT NULL AND age < 18
 *   女性       sex = '女'
 *   少数民族   ethnicity IS NOT NULL AND ethnicity <> '汉族'
 *              (the store keeps only GB 3304 names; NULL is 汉族 for a
 *              citizen and unknown for a foreigner: never counted)
 *   残疾人     is_disabled = 1
 *   农民工     is_migrant_worker = 1
 *   农民       is_farmer = 1
 *   军人军属   is_military = 1
 *   外国人或无国籍人  is_foreigner = 1
 *   其他       exactly when none of the nine above applies
 *
 * Status flow (desk_legal_aid_advance()):
 *
 *   已接收 → 材料待补 → 已转交 → 中心已受理 → 决定给予 | 决定不予
 *   决定给予 → 已指派 → 已结案;  已终止 after 决定给予, 决定不予 or 已指派;
 *   申请人撤回 from 已接收, 材料待补, 已转交 or 中心已受理.
 *
 * 材料待补 is optional (已接收 → 已转交 directly).  Each step keeps its date,
 * none before the receipt, the date of an earlier step or after today.
 */
#pragma once

#include "desk-store.h"
#include "desk-validate.h"

G_BEGIN_DECLS

#define DESK_LEGAL_AID_SEQUENCE "legal_aid"   /* desk_sequence scope of 登记号 */

typedef enum
{
  DESK_AID_STATUS_NONE = 0,        /* no status: "any" in a filter */
  DESK_AID_STATUS_RECEIVED,        /* 已接收 */
  DESK_AID_STATUS_SUPPLEMENT,      /* 材料待补 */
  DESK_AID_STATUS_FORWARDED,       /* 已转交 */
  DESK_AID_STATUS_CENTRE_ACCEPTED, /* 中心已受理 */
  DESK_AID_STATUS_GRANTED,         /* 决定给予 */
  DESK_AID_STATUS_REFUSED,         /* 决定不予 */
  DESK_AID_STATUS_ASSIGNED,        /* 已指派 */
  DESK_AID_STATUS_CLOSED,          /* 已结案 */
  DESK_AID_STATUS_TERMINATED,      /* 已终止 */
  DESK_AID_STATUS_WITHDRAWN,       /* 申请人撤回 */
} DeskAidStatus;

#define DESK_AID_N_STATUSES (DESK_AID_STATUS_WITHDRAWN + 1)

const char    *desk_aid_status_label      (DeskAidStatus  status);  /* "已接收"; NULL for NONE */
DeskAidStatus  desk_aid_status_from_label (const char    *label);   /* NONE when unknown */
/* Whether desk_legal_aid_advance() may go from @from to @to. */
gboolean       desk_aid_status_can_advance (DeskAidStatus from,
                                            DeskAidStatus to);

typedef enum
{
  DESK_AID_DECISION_NONE = 0,
  DESK_AID_DECISION_GRANT,         /* 给予 */
  DESK_AID_DECISION_REFUSE,        /* 不予 */
} DeskAidDecision;

const char      *desk_aid_decision_label      (DeskAidDecision  decision);  /* "给予", "不予", NULL */
DeskAidDecision  desk_aid_decision_from_label (const char      *label);

/* 受援人类别, in the order of the 受援人类别 sheet. */
typedef enum
{
  DESK_AID_CATEGORY_ELDERLY        = 1 << 0,  /* 老年人 */
  DESK_AID_CATEGORY_DISABLED       = 1 << 1,  /* 残疾人 */
  DESK_AID_CATEGORY_MINOR          = 1 << 2,  /* 未成年人 */
  DESK_AID_CATEGORY_FEMALE         = 1 << 3,  /* 女性 */
  DESK_AID_CATEGORY_MIGRANT_WORKER = 1 << 4,  /* 农民工 */
  DESK_AID_CATEGORY_FARMER         = 1 << 5,  /* 农民 */
  DESK_AID_CATEGORY_MINORITY       = 1 << 6,  /* 少数民族 */
  DESK_AID_CATEGORY_MILITARY       = 1 << 7,  /* 军人军属 */
  DESK_AID_CATEGORY_FOREIGNER      = 1 << 8,  /* 外国人或无国籍人 */
  DESK_AID_CATEGORY_OTHER          = 1 << 9,  /* 其他: none of the above */
} DeskAidCategories;

#define DESK_AID_N_CATEGORIES 10

/* The label of one category bit ("老年人"), NULL for anything else. */
const char *desk_aid_category_label  (DeskAidCategories category);
/* (transfer full): the labels of @categories in the sheet's order. */
GStrv       desk_aid_category_labels (DeskAidCategories categories);

typedef struct
{
  gint64           id;
  char            *number;              /* 登记号 FY2026-0001; NULL on create: assigned */
  int              year;                /* the number's year = the receipt year */
  int              seq;
  char            *received_at;         /* 接收日期时间 YYYY-MM-DD HH:MM */
  gint64           receiver_id;         /* 接收人 (staff) */
  gint64           person_id;           /* 申请人 (register) */
  char            *agent_name;          /* 代理申请人, optional */

  /* The applicant's copy, counted by the figures. */
  DeskSex          sex;
  char            *birth_date;
  char            *ethnicity;           /* GB 3304 full name; NULL: 汉族 (citizen) or unknown */
  gboolean         is_disabled;         /* 残疾人 */
  gboolean         is_migrant_worker;   /* 农民工 */
  gboolean         is_farmer;           /* 农民 */
  gboolean         is_military;         /* 军人军属 */
  gboolean         is_foreigner;        /* 外国人或无国籍人 */
  /* Not stored: the five flags above were stated (an import's 人员类别, or
   * the editor); otherwise they are copied from the register on create. */
  gboolean         flags_given;

  gint64           village_id;          /* 所在村(居), 0: none */
  gint64           matter_type_id;      /* 事项类型, kind aid_matter_type */
  gint64           matter_id;           /* 援助事项, kind aid_matter */
  gint64           hardship_id;         /* 经济困难情形, kind hardship; 0: none */
  gboolean         has_identity;        /* 身份证明 */
  gboolean         has_hardship_proof;  /* 经济困难证明或承诺 */
  gboolean         has_matter_papers;   /* 与申请事项有关的材料 */
  gboolean         materials_complete;  /* 材料齐全 */
  char            *summary;             /* 案情摘要 */

  DeskAidStatus    status;              /* NONE on create: 已接收 */
  char            *supplement_on;       /* 材料待补 */
  char            *forwarded_on;        /* 转交日期 */
  gint64           forward_mode_id;     /* 转交方式, kind forward_mode */
  char            *centre_number;       /* 中心受理号 */
  char            *centre_accepted_on;  /* 中心已受理 */
  char            *decided_on;          /* 决定日期 */
  DeskAidDecision  decision;            /* 决定结果 */
  char            *assigned_on;         /* 指派日期 */
  char            *lawyer;              /* 承办人 */
  char            *law_firm;            /* 承办单位 */
  char            *closed_on;           /* 结案日期 */
  char            *terminated_on;       /* 终止日期 */
  char            *withdrawn_on;        /* 撤回日期 */

  gint64           consultation_id;     /* the consultation it came from, 0: none */
  char            *created_at;
  char            *updated_at;
} DeskLegalAid;

DeskLegalAid *desk_legal_aid_new  (void);
DeskLegalAid *desk_legal_aid_copy (const DeskLegalAid *aid);
void          desk_legal_aid_free (DeskLegalAid       *aid);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskLegalAid, desk_legal_aid_free)

typedef enum
{
  /* Every step that the status has passed keeps its own date (and 转交
   * keeps its 方式, 指派 its 承办人 and 承办单位). */
  DESK_AID_CHECK_STRICT  = 0,
  /* Records imported from old ledgers: only the dates the figures count by
   * are needed (转交 from 已转交 on, 决定 and its result from a decision on,
   * 撤回 on 申请人撤回).  Order, receipt and today are checked all the same. */
  DESK_AID_CHECK_LENIENT = 1 << 0,
} DeskAidCheck;

/* Copies the register person's sex, birth date, ethnicity and village into
 * @aid where @aid has none, and the five flags unless flags_given. */
gboolean      desk_legal_aid_fill_from_person (DeskStore     *store,
                                               DeskLegalAid  *aid,
                                               GError       **error);

/* Checks and normalises @aid in place (dates, labels, the status and its
 * dates); field errors name the field.  Does not write. */
gboolean      desk_legal_aid_validate (DeskStore     *store,
                                       DeskLegalAid  *aid,
                                       DeskAidCheck   check,
                                       GError       **error);

/* Creates the application: fills the applicant's copy from the register,
 * validates, and assigns the next 登记号 of the receipt year, or keeps a
 * given one of exactly the form FY{YYYY}-{NNNN} (its year the receipt year,
 * not used by any other record, deleted ones included; later numbers
 * continue after it).  @aid gets its id, number, year and seq. */
gint64        desk_legal_aid_create   (DeskStore     *store,
                                       DeskLegalAid  *aid,
                                       DeskAidCheck   check,
                                       GError       **error);
/* Writes every field of @aid (a correction: the status may be set to any
 * state its dates support).  The number never changes; the receipt stays
 * in the number's year. */
gboolean      desk_legal_aid_update   (DeskStore     *store,
                                       DeskLegalAid  *aid,
                                       DeskAidCheck   check,
                                       GError       **error);
gboolean      desk_legal_aid_delete   (DeskStore     *store,
                                       gint64         id,
                                       GError       **error);
DeskLegalAid *desk_legal_aid_get      (DeskStore     *store,
                                       gint64         id,
                                       GError       **error);
/* The application numbered @number (deleted ones excluded), or NULL with
 * DESK_RECORD_ERROR_NOT_FOUND. */
DeskLegalAid *desk_legal_aid_get_by_number (DeskStore   *store,
                                            const char  *number,
                                            GError     **error);

/* What a step records besides its date. */
typedef struct
{
  gint64      forward_mode_id;   /* 已转交: 转交方式 (required) */
  const char *centre_number;     /* 已转交 or 中心已受理: 中心受理号 (optional) */
  const char *lawyer;            /* 已指派: 承办人 (required) */
  const char *law_firm;          /* 已指派: 承办单位 (required) */
} DeskAidStepDetails;

/* Moves application @id to @new_status on @date (NULL: today), along the
 * status flow only; 决定给予/决定不予 set the decision.  @details may be
 * NULL when the step needs none.  Dates are checked as in
 * desk_legal_aid_validate() (strictly for the new step; an imported
 * record's missing earlier dates are not asked for). */
gboolean      desk_legal_aid_advance  (DeskStore                *store,
                                       gint64                    id,
                                       DeskAidStatus             new_status,
                                       const char               *date,
                                       const DeskAidStepDetails *details,
                                       GError                  **error);

/* 受援人类别 of @aid on its receipt date (the rule at the top of this file);
 * never 0: 其他 when nothing else applies. */
DeskAidCategories desk_legal_aid_categories (const DeskLegalAid *aid);

/* The forwarding clock.  Working days count Monday–Friday and the holiday
 * calendar (desk_working_days_between()): the working days after the day of
 * receipt up to and including the day of forwarding (or @today). */
/* Working days after the day of receipt up to @today (NULL: desk_today())
 * while @aid is neither forwarded nor withdrawn; -1 when it is. */
int           desk_legal_aid_working_days_pending (DeskStore          *store,
                                                   const DeskLegalAid *aid,
                                                   const char         *today);
/* Pending for more working days than the setting aid-limit-days. */
gboolean      desk_legal_aid_overdue              (DeskStore          *store,
                                                   const DeskLegalAid *aid,
                                                   const char         *today);
/* Forwarded, within aid-limit-days working days of receipt (forwarding on
 * the day of receipt is 0). */
gboolean      desk_legal_aid_forwarded_on_time    (DeskStore          *store,
                                                   const DeskLegalAid *aid);
/* The latest receipt date that is overdue on @today (NULL: desk_today()):
 * a pending application is overdue exactly when received on or before it.
 * (transfer full) */
char         *desk_legal_aid_overdue_cutoff       (DeskStore          *store,
                                                   const char         *today);

typedef struct
{
  const char    *from;            /* receipt date on or after, YYYY-MM-DD; NULL: open */
  const char    *until;           /* receipt date on or before; NULL: open */
  DeskAidStatus  status;          /* NONE: any */
  gint64         matter_id;       /* 0: any */
  gboolean       overdue_only;    /* pending past the forwarding limit today */
  gboolean       newest_first;    /* else in order of receipt */
  guint          limit;           /* 0: all */
  guint          offset;
} DeskAidFilter;

/* (element-type gint64): the ids of live applications matching @filter, a
 * page of them; @total (optional) gets how many match in all. */
GArray       *desk_legal_aid_list     (DeskStore            *store,
                                       const DeskAidFilter  *filter,
                                       guint                *total,
                                       GError              **error);

/* Links application @aid_id and consultation @consultation_id both ways
 * (legal_aid.consultation_id and consultations.aid_id); 0 unlinks. */
gboolean      desk_legal_aid_link_consultation (DeskStore  *store,
                                                gint64      aid_id,
                                                gint64      consultation_id,
                                                GError    **error);

G_END_DECLS
