/* desk-test-records.h — small ledgers for tests, written through the core
 * create functions (so every record passes the same checks as one typed in
 * the window): a township's registers and one-call records. */
#pragma once

#include "desk-mediation.h"
#include "desk-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 qingshan_village;   /* 青山村 */
  gint64 dongping_village;   /* 东坪村 */
  gint64 staff;              /* 王芳 */
  gint64 qingshan;           /* 青山镇人民调解委员会 (青山), 乡镇调委会 */
  gint64 dongping;           /* 东坪村人民调解委员会 (东坪), 村调委会, 东坪村 */
  gint64 zhang;              /* 张调解, of 青山 */
  gint64 li;                 /* 李调解, of 青山 */
  gint64 wang;               /* 王调解, of 东坪 */
} DeskTestRegisters;

/* Adds the registers above to @store. */
void      desk_test_add_registers    (DeskStore               *store,
                                      DeskTestRegisters       *r);
gint64    desk_test_code             (DeskStore               *store,
                                      const char              *kind,
                                      const char              *label);
gint64    desk_test_add_person       (DeskStore               *store,
                                      const char              *name);

/* 咨询类别 邻里关系, 所在村 青山村; @person_id 0: anonymous. */
gint64    desk_test_add_consultation (DeskStore               *store,
                                      const DeskTestRegisters *r,
                                      const char              *at,
                                      gint64                   person_id,
                                      const char              *channel,
                                      const char              *result,
                                      const char              *content);

/* An open case of @committee (当事人申请, 邻里纠纷) without parties or
 * mediators: add them, then desk_test_add_case(). */
DeskCase *desk_test_case_new         (DeskStore               *store,
                                      const DeskTestRegisters *r,
                                      gint64                   committee,
                                      const char              *accepted_on,
                                      const char              *summary);
/* Closes @mcase with @status on @closed_on (调解成功 with its agreement). */
void      desk_test_case_close       (DeskCase                *mcase,
                                      DeskCaseStatus           status,
                                      const char              *closed_on);
gint64    desk_test_add_case         (DeskStore               *store,
                                      DeskCase                *mcase);

/* 民事, 请求给付赡养费、抚养费、扶养费, 已接收. */
gint64    desk_test_add_aid          (DeskStore               *store,
                                      const DeskTestRegisters *r,
                                      const char              *received_at,
                                      gint64                   person_id,
                                      const char              *agent_name,
                                      const char              *summary);
/* Moves application @id on: 材料待补, 已转交 (当面) or 申请人撤回. */
void      desk_test_aid_step         (DeskStore               *store,
                                      gint64                   id,
                                      const char              *status,
                                      const char              *date);

gint64    desk_test_add_screening    (DeskStore               *store,
                                      gint64                   committee,
                                      gint64                   village,
                                      const char              *date);

G_END_DECLS
