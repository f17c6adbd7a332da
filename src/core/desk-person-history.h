/* desk-person-history.h — one person's history across every record kind
 * ("一人一档"): the consultations they came to, the mediation cases they
 * are a party to, and the legal-aid applications they made or made for
 * someone else, newest first.
 */
#pragma once

#include "desk-store.h"

G_BEGIN_DECLS

/* The longest summary, in characters, before it is cut with "…". */
#define DESK_PERSON_HISTORY_SUMMARY_CHARS 60

typedef struct
{
  const char *kind;      /* "consultation", "mediation_case" or "legal_aid": the
                          * window's record kinds; static */
  gint64      id;        /* the record's id */
  char       *date;      /* YYYY-MM-DD: the day of 日期时间, 受理日期, the day of
                          * 接收日期时间 */
  char       *number;    /* 编号, 案号 or 登记号; "" when none */
  char       *summary;   /* 咨询内容, 纠纷简要情况 or 案情摘要 on one line, at most
                          * DESK_PERSON_HISTORY_SUMMARY_CHARS characters and "…" */
  char       *role;      /* the person's part, as the ledger names it: 咨询人;
                          * 申请人, 被申请人 or 第三人 (several joined by 、);
                          * 申请人 or 代理申请人 */
  char       *status;    /* the record's state as stored: the consultation's
                          * 处理结果, the case's or the application's status */
} DeskPersonHistoryEntry;

void      desk_person_history_entry_free (DeskPersonHistoryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskPersonHistoryEntry, desk_person_history_entry_free)

gboolean  desk_person_history            (DeskStore              *store,
                                          gint64                  person_id,
                                          GPtrArray             **entries,
                                          GError                **error);

G_END_DECLS
