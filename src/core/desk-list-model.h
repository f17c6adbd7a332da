/* desk-list-model.h — a lazy list of records for a list page.
 *
 * DeskListModel is a GListModel of DeskRow.  It knows the ordered ids of
 * the records that match the page's filter and sort, asked of SQLite (in a
 * worker with its own read-only connection, for desk_list_model_reload_async()),
 * and builds row objects only for the positions asked for, a page of
 * DESK_LIST_PAGE_SIZE at a time from one SELECT, keeping the most recently
 * used pages.  Filtering and sorting happen in SQL: never put this model
 * under a GtkFilterListModel or GtkSortListModel, which touch every item.
 */
#pragma once

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_LIST_PAGE_SIZE 50

#define DESK_TYPE_ROW (desk_row_get_type ())
G_DECLARE_FINAL_TYPE (DeskRow, desk_row, DESK, ROW, GObject)

gint64              desk_row_get_id          (DeskRow       *self);
gboolean            desk_row_get_gone        (DeskRow       *self);
guint               desk_row_get_n_columns   (DeskRow       *self);
const char         *desk_row_get_text        (DeskRow       *self,
                                              guint          column);
const char         *desk_row_get             (DeskRow       *self,
                                              const char    *column);

typedef enum
{
  DESK_LIST_PEOPLE,
  DESK_LIST_CONSULTATIONS,
  DESK_LIST_MEDIATION_CASES,
  DESK_LIST_SCREENINGS,
  DESK_LIST_LEGAL_AID,
  DESK_LIST_ADVISER_SERVICES,
} DeskListKind;

/* What a list page filters by.  Each list applies the fields that make
 * sense for it and ignores the others; 0, NULL or FALSE means "any":
 *
 * - the period is the record's date (consultation 日期时间, case 受理日期,
 *   排查日期, application 接收日期, service date);
 * - category is the list's main code: 咨询类别, 纠纷类型, 援助事项 or
 *   服务方式 (screenings have none: their committee is committee_id);
 * - status applies to cases and legal-aid applications;
 * - channel and result (咨询方式, 处理结果) to consultations;
 * - committee to cases and screenings, mediator to cases (those where
 *   the mediator is one of the case's 调解员);
 * - overdue to cases still open past the mediation time limit
 *   (desk_case_overdue_cutoff()) and to applications neither forwarded nor
 *   withdrawn past the forwarding limit in working days
 *   (desk_legal_aid_overdue_cutoff()): the dashboard's and the editors'
 *   definitions, on desk_today() at the reload;
 * - people have only village and search. */
typedef struct
{
  const char *from;          /* first day, "YYYY-MM-DD"; NULL: open */
  const char *until;         /* last day, inclusive; NULL: open */
  gint64      village_id;    /* 0: any */
  gint64      category_id;   /* the list's main code (see above); 0: any */
  const char *status;        /* NULL: any */
  const char *search;        /* words, as desk_search(); NULL or blank: all */
  gint64      channel_id;    /* consultations: 咨询方式 (kind channel); 0: any */
  gint64      result_id;     /* consultations: 处理结果 (kind consult_result); 0: any */
  gint64      committee_id;  /* cases and screenings: 调委会; 0: any */
  gint64      mediator_id;   /* cases: one of the case's 调解员; 0: any */
  gboolean    overdue;       /* cases and applications: past the time limit today */
} DeskListFilter;

#define DESK_TYPE_LIST_MODEL (desk_list_model_get_type ())
G_DECLARE_FINAL_TYPE (DeskListModel, desk_list_model, DESK, LIST_MODEL, GObject)

DeskListModel      *desk_list_model_new          (DeskStore            *store,
                                                  DeskListKind          kind);
DeskListKind        desk_list_model_get_kind     (DeskListModel        *self);
const char *const  *desk_list_model_get_columns  (DeskListModel        *self);
const char        **desk_list_model_get_sort_keys (DeskListModel       *self);

void                desk_list_model_set_filter   (DeskListModel        *self,
                                                  const DeskListFilter *filter);
gboolean            desk_list_model_set_sort     (DeskListModel        *self,
                                                  const char           *key,
                                                  gboolean              descending);

gboolean            desk_list_model_reload       (DeskListModel        *self,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
void                desk_list_model_reload_async (DeskListModel        *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean            desk_list_model_reload_finish (DeskListModel       *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
gboolean            desk_list_model_get_loading  (DeskListModel        *self);

gboolean            desk_list_model_refresh_ids  (DeskListModel        *self,
                                                  const gint64         *ids,
                                                  guint                 n_ids,
                                                  GError              **error);

gint64              desk_list_model_get_id       (DeskListModel        *self,
                                                  guint                 position);
guint               desk_list_model_find         (DeskListModel        *self,
                                                  gint64                id);

/* Counters, for tests and benchmarks of the laziness. */
guint64             desk_list_model_get_rows_built  (DeskListModel     *self);
guint64             desk_list_model_get_pages_loaded (DeskListModel    *self);

G_END_DECLS
