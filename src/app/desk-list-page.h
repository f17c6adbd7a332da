/* desk-list-page.h — a list page: one ledger as a table, with search,
 * filters and sorting done by SQLite, and a record opened on activation.
 *
 * The pages differ only in what they list, which columns they show and
 * which filters they offer: a DeskListPageSpec says so (the specs of the
 * station's ledgers are in desk-list-page-specs.c). */
#pragma once

#include <adwaita.h>

#include "desk-list-model.h"

G_BEGIN_DECLS

typedef enum
{
  DESK_LIST_COLUMN_TEXT,
  DESK_LIST_COLUMN_ID_NUMBER,   /* shown masked: citizens' personal data */
  DESK_LIST_COLUMN_STATUS,      /* 调解成功, 已转交 …: a tag */
} DeskListColumnFormat;

typedef struct
{
  const char           *column;       /* a desk_list_model_get_columns() name */
  const char           *title;        /* marked for translation, translated when shown */
  const char           *sort_key;     /* NULL: not sortable */
  int                   width_chars;  /* the column's width; 0: expands */
  DeskListColumnFormat  format;
  const char           *blank;        /* shown dimmed when empty (marked); NULL: nothing */
} DeskListPageColumn;

typedef enum
{
  DESK_LIST_FILTER_PERIOD,
  DESK_LIST_FILTER_VILLAGE,
  DESK_LIST_FILTER_COMMITTEE,
  DESK_LIST_FILTER_MEDIATOR,
  DESK_LIST_FILTER_CATEGORY,    /* code_kind: the list's main code */
  DESK_LIST_FILTER_CHANNEL,     /* code_kind */
  DESK_LIST_FILTER_RESULT,      /* code_kind */
  DESK_LIST_FILTER_STATUS,      /* statuses */
  DESK_LIST_FILTER_OVERDUE,
} DeskListFilterKind;

typedef struct
{
  DeskListFilterKind  kind;
  const char         *name;        /* the widget's name, for tests */
  const char         *all_label;   /* the choice that filters nothing (marked) */
  const char         *code_kind;   /* DESK_CODE_*, for the code filters */
  const char *const  *statuses;    /* data labels, for STATUS */
} DeskListPageFilter;

typedef struct
{
  DeskListKind               kind;
  const char                *name;            /* "consultations": widget names */
  const char                *record_kind;     /* "consultation": as open_record() */
  const char                *open_action;     /* "win.edit-consultation" (x) */
  const char                *new_action;      /* "win.new-consultation"; NULL: none */
  const char                *new_label;       /* marked for translation */
  const char                *search_placeholder;  /* marked for translation */
  const char                *empty_icon;
  const char                *empty_title;     /* when the ledger is empty (marked) */
  const char                *empty_description;  /* marked for translation */
  const DeskListPageColumn  *columns;
  guint                      n_columns;
  const DeskListPageFilter  *filters;
  guint                      n_filters;
  const char                *sort_key;        /* the default order */
  gboolean                   sort_descending;
} DeskListPageSpec;

const DeskListPageSpec *desk_list_page_spec (DeskListKind kind);

#define DESK_TYPE_LIST_PAGE (desk_list_page_get_type ())
G_DECLARE_FINAL_TYPE (DeskListPage, desk_list_page, DESK, LIST_PAGE, AdwBin)

GtkWidget      *desk_list_page_new            (const DeskListPageSpec *spec);
const DeskListPageSpec *desk_list_page_get_spec (DeskListPage *self);
void            desk_list_page_set_store      (DeskListPage  *self,
                                               DeskStore     *store);
void            desk_list_page_reload         (DeskListPage  *self);
void            desk_list_page_focus_search   (DeskListPage  *self);
DeskListModel  *desk_list_page_get_model      (DeskListPage  *self);
gboolean        desk_list_page_get_busy       (DeskListPage  *self);
gint64          desk_list_page_get_selected_id (DeskListPage *self);
GtkWidget      *desk_list_page_get_view       (DeskListPage  *self);

G_END_DECLS
