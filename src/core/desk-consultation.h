/* desk-consultation.h — the consultation register (法律咨询登记台账).
 *
 * Each walk-in visit, call, letter or online question is one record with a
 * number 编号 ZX{YYYY}-{NNNN}: a sequence per year from 0001, never given
 * twice, deleted record or not.  A record may carry a number of its own
 * (an old ledger's), kept as written when it has exactly that form and the
 * record's year; later numbers continue after the highest one used.  The
 * year is part of the number, so a record cannot move to another year.
 */
#pragma once

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_CONSULTATION_SCOPE "consultation"   /* desk-sequence scope */

typedef struct
{
  gint64  id;
  char   *number;        /* ZX2026-0001; on create NULL or "" to have one given */
  char   *at;            /* 日期时间, YYYY-MM-DD HH:MM */
  gint64  staff_id;      /* 接待人 */
  gint64  channel_id;    /* code of kind DESK_CODE_CHANNEL */
  gint64  person_id;     /* 咨询人; 0: anonymous (the visitor declined) */
  int     companions;    /* 同来人数, the visitor included: at least 1 */
  gint64  village_id;    /* 所在村(居); 0: none */
  gint64  category_id;   /* code of kind DESK_CODE_CONSULT_CATEGORY */
  char   *content;       /* 咨询内容, required */
  char   *reply;         /* 答复意见 */
  gint64  result_id;     /* code of kind DESK_CODE_CONSULT_RESULT */
  gint64  case_id;       /* the mediation case opened from it; 0: none */
  gint64  aid_id;        /* the legal-aid application opened from it; 0: none */
  char   *created_at;
  char   *updated_at;
} DeskConsultation;

DeskConsultation *desk_consultation_new      (void);   /* companions = 1 */
void              desk_consultation_free     (DeskConsultation *consultation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskConsultation, desk_consultation_free)

/* Whether @number is exactly ZX{YYYY}-{NNNN} (NNNN ≥ 0001); its parts. */
gboolean          desk_consultation_parse_number (const char *number,
                                                  int        *year,
                                                  int        *seq);

/* Checks and normalises @consultation in place, gives or claims its
 * number, and adds it; one transaction.  Returns the id (also set, with
 * the number, in @consultation), or 0 with @error. */
gint64            desk_consultation_create   (DeskStore         *store,
                                              DeskConsultation  *consultation,
                                              GError           **error);
DeskConsultation *desk_consultation_get      (DeskStore         *store,
                                              gint64             id,
                                              GError           **error);
/* Everything but the number (and the links: see below); the date may not
 * move to another year. */
gboolean          desk_consultation_update   (DeskStore         *store,
                                              DeskConsultation  *consultation,
                                              GError           **error);
gboolean          desk_consultation_delete   (DeskStore         *store,
                                              gint64             id,
                                              GError           **error);
/* The live record numbered @number, or 0. */
gint64            desk_consultation_find     (DeskStore         *store,
                                              const char        *number);

/* Records that the mediation case @case_id (or legal-aid application
 * @aid_id) was opened from the consultation; 0 removes the link. */
gboolean          desk_consultation_link_case (DeskStore        *store,
                                               gint64            id,
                                               gint64            case_id,
                                               GError          **error);
gboolean          desk_consultation_link_aid  (DeskStore        *store,
                                               gint64            id,
                                               gint64            aid_id,
                                               GError          **error);

typedef struct
{
  const char *from;         /* YYYY-MM-DD, inclusive; NULL: no lower bound */
  const char *to;           /* YYYY-MM-DD, inclusive; NULL: no upper bound */
  gint64      channel_id;   /* 0: any */
  gint64      category_id;  /* 0: any */
  gint64      result_id;    /* 0: any */
  gint64      village_id;   /* 0: any */
  gint64      person_id;    /* 0: any */
  guint       limit;        /* 0: all */
  guint       offset;
} DeskConsultationFilter;

/* (element-type gint64): the ids of the live records matching @filter
 * (NULL: all), latest first (at desc, id desc); NULL with @error. */
GArray           *desk_consultation_list     (DeskStore                    *store,
                                              const DeskConsultationFilter *filter,
                                              GError                      **error);
/* How many match @filter, ignoring its limit and offset; -1 with @error. */
gint64            desk_consultation_count    (DeskStore                    *store,
                                              const DeskConsultationFilter *filter,
                                              GError                      **error);

G_END_DECLS
