/* desk-adviser.h — village legal advisers (村(居)法律顾问), the villages they
 * serve over time, and the log of their services.
 *
 * An adviser is known by 姓名 + 执业机构 (two advisers may share a name);
 * references in imported ledgers write "姓名", or "姓名（执业机构）" when the
 * name alone is ambiguous.  An assignment ties an adviser to a village from
 * one date until another (open-ended when empty); the same adviser and
 * village never have two assignments covering one day.  A service record is
 * one visit or remote session; its 时长 is kept in half hours.
 *
 * Dates of 聘期 and assignments may lie in the future (a term agreed ahead
 * or running to its end); a service date may not.
 */
#pragma once

#include "desk-store.h"
#include "desk-validate.h"

G_BEGIN_DECLS

typedef struct
{
  gint64    id;
  char     *name;               /* 姓名 */
  DeskSex   sex;                /* 性别 */
  char     *phone;              /* 手机, normalised 11 digits; NULL: none */
  gint64    practice_type_id;   /* 执业类别, kind practice_type */
  char     *institution;        /* 执业机构 */
  char     *licence_number;     /* 执业证号: 17 digits for a lawyer (律师) */
  char     *term_from;          /* 聘期起 */
  char     *term_until;         /* 聘期止; NULL: open */
  char     *created_at;
  char     *updated_at;
} DeskAdviser;

DeskAdviser *desk_adviser_new  (void);
DeskAdviser *desk_adviser_copy (const DeskAdviser *adviser);
void         desk_adviser_free (DeskAdviser       *adviser);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskAdviser, desk_adviser_free)

/* Checks and normalises @adviser in place; does not write. */
gboolean     desk_adviser_validate (DeskStore    *store,
                                    DeskAdviser  *adviser,
                                    GError      **error);
/* A second live adviser with the same 姓名 and 执业机构 is refused with
 * DESK_RECORD_ERROR_DUPLICATE. */
gint64       desk_adviser_create   (DeskStore    *store,
                                    DeskAdviser  *adviser,
                                    GError      **error);
DeskAdviser *desk_adviser_get      (DeskStore    *store,
                                    gint64        id,
                                    GError      **error);
gboolean     desk_adviser_update   (DeskStore    *store,
                                    DeskAdviser  *adviser,
                                    GError      **error);
/* Soft-deletes the adviser and its assignments.  An adviser with service
 * records is refused (DESK_RECORD_ERROR_IN_USE): end the 聘期 instead. */
gboolean     desk_adviser_delete   (DeskStore    *store,
                                    gint64        id,
                                    GError      **error);
/* (element-type gint64): live advisers in the order of the register. */
GArray      *desk_adviser_list     (DeskStore    *store,
                                    GError      **error);

/* The live adviser that @reference names: "姓名" or "姓名（执业机构）"
 * (ASCII parentheses accepted too).  A bare name shared by several
 * advisers is an error that lists their 执业机构; an unknown one is an
 * error too.  Both are field errors of 法律顾问.  Returns 0 on error. */
gint64       desk_adviser_find_by_reference (DeskStore   *store,
                                             const char  *reference,
                                             GError     **error);
/* "姓名", or "姓名（执业机构）" when another live adviser has the same name:
 * the reference that desk_adviser_find_by_reference() reads back.
 * (transfer full) (nullable) */
char        *desk_adviser_reference         (DeskStore   *store,
                                             gint64       id);

typedef struct
{
  gint64  id;
  gint64  adviser_id;
  gint64  village_id;
  char   *from_date;            /* 起 */
  char   *until_date;           /* 止; NULL: open */
  char   *created_at;
  char   *updated_at;
} DeskAdviserAssignment;

DeskAdviserAssignment *desk_adviser_assignment_new  (void);
void                   desk_adviser_assignment_free (DeskAdviserAssignment *assignment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskAdviserAssignment, desk_adviser_assignment_free)

gboolean     desk_adviser_assignment_validate (DeskStore              *store,
                                               DeskAdviserAssignment  *assignment,
                                               GError                **error);
gint64       desk_adviser_assignment_create   (DeskStore              *store,
                                               DeskAdviserAssignment  *assignment,
                                               GError                **error);
DeskAdviserAssignment *
             desk_adviser_assignment_get      (DeskStore              *store,
                                               gint64                  id,
                                               GError                **error);
gboolean     desk_adviser_assignment_update   (DeskStore              *store,
                                               DeskAdviserAssignment  *assignment,
                                               GError                **error);
gboolean     desk_adviser_assignment_delete   (DeskStore              *store,
                                               gint64                  id,
                                               GError                **error);
/* (element-type DeskAdviserAssignment): the live assignments of
 * @adviser_id, by village and start. */
GPtrArray   *desk_adviser_assignments         (DeskStore              *store,
                                               gint64                  adviser_id,
                                               GError                **error);
/* Whether a live assignment of @adviser_id to @village_id covers @date. */
gboolean     desk_adviser_assigned_on         (DeskStore              *store,
                                               gint64                  adviser_id,
                                               gint64                  village_id,
                                               const char             *date);

typedef struct
{
  gint64  id;
  char   *served_on;            /* 日期 */
  gint64  adviser_id;           /* 顾问 */
  gint64  village_id;           /* 村(居) */
  gint64  mode_id;              /* 方式, kind service_mode (实地, 远程, 预约) */
  int     half_hours;           /* 时长 in half hours: 2.5 hours is 5 */
  int     consults;             /* 解答咨询(件) */
  int     lectures;             /* 法治讲座(场次) */
  int     audience;             /* 讲座受众(人次) */
  int     mediations;           /* 参与调解(件) */
  int     contracts;            /* 审查合同协议(件) */
  int     village_rules;        /* 审查村规民约或村务决策(件) */
  int     documents;            /* 代写法律文书(份) */
  int     aid_referrals;        /* 引导法律援助(件) */
  int     trainees;             /* 培训法律明白人或村干部(人次) */
  int     leaflets;             /* 发放资料(份) */
  char   *notes;                /* 备注 */
  char   *created_at;
  char   *updated_at;
} DeskAdviserService;

DeskAdviserService *desk_adviser_service_new  (void);
void                desk_adviser_service_free (DeskAdviserService *service);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskAdviserService, desk_adviser_service_free)

/* 时长 as typed: hours in halves ("2", "2.5", "0.5", "3.0"); "2.3", a
 * negative or a non-number is a field error.  Stores half hours. */
gboolean     desk_adviser_parse_hours        (const char          *text,
                                              int                 *half_hours,
                                              GError             **error);
/* "2.5", "2" (transfer full) */
char        *desk_adviser_format_hours       (int                  half_hours);

gboolean     desk_adviser_service_validate   (DeskStore           *store,
                                              DeskAdviserService  *service,
                                              GError             **error);
gint64       desk_adviser_service_create     (DeskStore           *store,
                                              DeskAdviserService  *service,
                                              GError             **error);
DeskAdviserService *
             desk_adviser_service_get        (DeskStore           *store,
                                              gint64               id,
                                              GError             **error);
gboolean     desk_adviser_service_update     (DeskStore           *store,
                                              DeskAdviserService  *service,
                                              GError             **error);
gboolean     desk_adviser_service_delete     (DeskStore           *store,
                                              gint64               id,
                                              GError             **error);

typedef struct
{
  gint64      adviser_id;       /* 0: any */
  gint64      village_id;       /* 0: any */
  const char *from;             /* served on or after; NULL: open */
  const char *until;            /* served on or before; NULL: open */
  guint       limit;            /* 0: all */
  guint       offset;
} DeskAdviserServiceFilter;

/* (element-type gint64): live service records matching @filter by date;
 * @total (optional) gets how many match in all. */
GArray      *desk_adviser_service_list       (DeskStore                      *store,
                                              const DeskAdviserServiceFilter *filter,
                                              guint                          *total,
                                              GError                        **error);

typedef struct
{
  gint64  adviser_id;
  char   *name;
  char   *institution;
  int     onsite_visits;        /* services with 方式 实地 in the month */
  int     onsite_half_hours;    /* their 时长 */
  int     min_visits;           /* adviser-min-visits then */
  int     min_hours;            /* adviser-min-hours then */
} DeskAdviserShortfall;

void         desk_adviser_shortfall_free     (DeskAdviserShortfall *shortfall);

/* (element-type DeskAdviserShortfall): the advisers with an assignment
 * covering some day of @year-@month who, in that month, have fewer on-site
 * services (方式 实地 only) than adviser-min-visits or fewer on-site hours
 * than adviser-min-hours, in the order of the register. */
GPtrArray   *desk_adviser_shortfall          (DeskStore   *store,
                                              int          year,
                                              int          month,
                                              GError     **error);

G_END_DECLS
