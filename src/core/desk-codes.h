/* desk-codes.h — the code tables (dispute types, channels, matters, …).
 *
 * A code table is data: id, label, sort order, active, and the report row
 * (or column) of the monthly forms the label counts in.  The defaults are
 * domain.md's lists.  Retiring a label never rewrites history.
 */
#pragma once

#include "desk-store.h"

G_BEGIN_DECLS

/* The kinds, as stored in codes.kind. */
#define DESK_CODE_CHANNEL          "channel"          /* 渠道 */
#define DESK_CODE_CONSULT_CATEGORY "consult_category" /* 咨询类别 */
#define DESK_CODE_CONSULT_RESULT   "consult_result"   /* 处理结果 */
#define DESK_CODE_CASE_SOURCE      "case_source"      /* 案件来源 */
#define DESK_CODE_DISPUTE_TYPE     "dispute_type"     /* 纠纷类型 */
#define DESK_CODE_DIFFICULTY       "difficulty"       /* 难度 */
#define DESK_CODE_RISK             "risk"             /* 风险预判 */
#define DESK_CODE_PERFORMANCE      "performance"      /* 履行情况 */
#define DESK_CODE_VISIT_MODE       "visit_mode"       /* 回访方式 */
#define DESK_CODE_SATISFACTION     "satisfaction"     /* 满意度 */
#define DESK_CODE_AID_MATTER_TYPE  "aid_matter_type"  /* 事项类型 */
#define DESK_CODE_AID_MATTER       "aid_matter"       /* 援助事项 */
#define DESK_CODE_HARDSHIP         "hardship"         /* 经济困难情形 */
#define DESK_CODE_FORWARD_MODE     "forward_mode"     /* 转交方式 */
#define DESK_CODE_COMMITTEE_TYPE   "committee_type"   /* 调委会类型 */
#define DESK_CODE_PRACTICE_TYPE    "practice_type"    /* 执业类别 */
#define DESK_CODE_SERVICE_MODE     "service_mode"     /* 服务方式 */

typedef struct
{
  gint64    id;
  char     *kind;
  char     *label;
  int       sort_order;
  gboolean  active;
  char     *report_row;
} DeskCode;

void         desk_code_free              (DeskCode     *code);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskCode, desk_code_free)

const char  *desk_code_kind_title        (const char   *kind);
const char *const *desk_code_kinds       (void);
const char *const *desk_code_report_rows (const char   *kind);

gboolean     desk_codes_seed             (DeskStore    *store,
                                          GError      **error);

gint64       desk_codes_lookup           (DeskStore    *store,
                                          const char   *kind,
                                          const char   *label,
                                          GError      **error);
gint64       desk_codes_find             (DeskStore    *store,
                                          const char   *kind,
                                          const char   *label);
char        *desk_codes_label            (DeskStore    *store,
                                          gint64        id);
gboolean     desk_codes_check_kind       (DeskStore    *store,
                                          gint64        id,
                                          const char   *kind,
                                          const char   *field,
                                          GError      **error);
GPtrArray   *desk_codes_list             (DeskStore    *store,
                                          const char   *kind,
                                          gboolean      include_retired);
char        *desk_codes_suggest          (DeskStore    *store,
                                          const char   *kind,
                                          const char   *label);

gint64       desk_codes_add              (DeskStore    *store,
                                          const char   *kind,
                                          const char   *label,
                                          const char   *report_row,
                                          GError      **error);
gboolean     desk_codes_rename           (DeskStore    *store,
                                          gint64        id,
                                          const char   *label,
                                          GError      **error);
gboolean     desk_codes_set_active       (DeskStore    *store,
                                          gint64        id,
                                          gboolean      active,
                                          GError      **error);
gboolean     desk_codes_move             (DeskStore    *store,
                                          gint64        id,
                                          int           new_position,
                                          GError      **error);

G_END_DECLS
