/* desk-screening.h — dispute screening (矛盾纠纷排查): a committee's round
 * of the villages looking for brewing disputes, typically twice a month.
 * Feeds 排查次数, 排查发现纠纷 and 预防纠纷 in the monthly forms.
 */
#pragma once

#include "desk-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *date;           /* 日期, YYYY-MM-DD, not after today */
  gint64  committee_id;   /* required */
  gint64  village_id;     /* 0: none */
  char   *screener;       /* 排查人, free text */
  int     found;          /* 排查发现纠纷, ≥ 0 */
  int     prevented;      /* 预防纠纷, ≥ 0 */
  char   *notes;          /* 备注 */
  char   *created_at;
  char   *updated_at;
} DeskScreening;

DeskScreening *desk_screening_new    (void);
void           desk_screening_free   (DeskScreening  *screening);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskScreening, desk_screening_free)

/* Checks and normalises @screening in place and adds it; one transaction.
 * Returns the id (also set in @screening), or 0 with @error. */
gint64         desk_screening_create (DeskStore      *store,
                                      DeskScreening  *screening,
                                      GError        **error);
DeskScreening *desk_screening_get    (DeskStore      *store,
                                      gint64          id,
                                      GError        **error);
gboolean       desk_screening_update (DeskStore      *store,
                                      DeskScreening  *screening,
                                      GError        **error);
gboolean       desk_screening_delete (DeskStore      *store,
                                      gint64          id,
                                      GError        **error);
/* (element-type DeskScreening): the live screenings from @from to @to
 * (YYYY-MM-DD, both inclusive, NULL: open), of @committee_id (0: all),
 * latest first (date desc, id desc); NULL with @error. */
GPtrArray     *desk_screening_list   (DeskStore      *store,
                                      const char     *from,
                                      const char     *to,
                                      gint64          committee_id,
                                      GError        **error);

G_END_DECLS
