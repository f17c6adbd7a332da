/* desk-report.h — a month's statistical forms as plain data.
 *
 * The figures (desk-figures.c) fill a DeskReport from the ledger; the XLSX
 * writer, the report page, the `report` command and the tests all read this
 * same data.  A table is row labels × columns; a column has an optional
 * group (the upper header cell, merged over its columns: "受理" over
 * "本月" and "本年累计") and a label; a column without a group spans both
 * header rows.  Every figure is addressed by sheet, row label and column
 * path ("受理/本月", or "期末未结" for a single column).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  DESK_CELL_EMPTY = 0,   /* a ratio with denominator 0; text columns on 合计 */
  DESK_CELL_NUMBER,      /* value / 10^decimals: counts (0), percentages and hours (1), yuan (2) */
  DESK_CELL_TEXT,        /* 类型, 是否达标 */
} DeskCellKind;

typedef struct
{
  DeskCellKind  kind;
  gint64        value;     /* fixed point: 95.2 % is 952 with decimals 1; ¥12.50 is 1250 with 2 */
  char         *text;
} DeskCell;

typedef struct
{
  char     *group;         /* NULL for a single column */
  char     *label;
  char     *path;          /* "group/label" or "label" */
  int       decimals;      /* 0: "0", 1: "0.0", 2: "0.00"; text columns: 0 */
  gboolean  text;          /* a text column */
  gboolean  summable;      /* 合计 is the column's sum (else computed: ratios, text) */
} DeskReportColumn;

typedef struct
{
  char     *label;
  gboolean  is_total;      /* the 合计 row */
  DeskCell *cells;         /* one per column */
} DeskReportRow;

typedef struct
{
  char      *sheet;        /* "人民调解" */
  char      *name;         /* "人民调解案件统计表"; NULL for 汇总's second block */
  char      *units;        /* "件、人、元" */
  char      *row_header;   /* "纠纷类型" */
  gboolean   single_header_row;   /* 汇总: a one-row header */
  GPtrArray *columns;      /* DeskReportColumn */
  GPtrArray *rows;         /* DeskReportRow */
} DeskReportTable;

typedef struct
{
  int        year;
  int        month;
  char      *first_day;    /* YYYY-MM-01 */
  char      *last_day;
  char      *county;
  char      *township;
  char      *station;
  char      *head;         /* 单位负责人 */
  char      *reviewer;     /* 审核人 */
  char      *clerk;        /* 填报人 */
  char      *phone;        /* 联系电话 */
  GPtrArray *tables;       /* DeskReportTable, in sheet order; 汇总 has two (its second block follows it) */
  GPtrArray *notes;        /* (element-type utf8) 填报说明: one definition per line */
} DeskReport;

/* What one figure counts: a record behind it. */
typedef struct
{
  char   *kind;            /* "consultation", "mediation_case", "screening", "legal_aid",
                              "adviser_service", "adviser", "village", "committee", "mediator" */
  gint64  id;
  char   *number;          /* 编号 / 案号 / 登记号, or a name for registers */
  char   *date;            /* the date the figure counts it by */
  char   *description;     /* a short line: person, type, status */
} DeskRecordRef;

DeskReport       *desk_report_new           (int                year,
                                             int                month);
void              desk_report_free          (DeskReport        *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskReport, desk_report_free)

DeskReportTable  *desk_report_add_table     (DeskReport        *report,
                                             const char        *sheet,
                                             const char        *name,
                                             const char        *units,
                                             const char        *row_header);
DeskReportColumn *desk_report_table_add_column (DeskReportTable *table,
                                             const char        *group,
                                             const char        *label,
                                             int                decimals,
                                             gboolean           summable);
DeskReportColumn *desk_report_table_add_text_column (DeskReportTable *table,
                                             const char        *label);
/* Adds a row with every cell empty; set them with desk_report_row_set_*. */
DeskReportRow    *desk_report_table_add_row (DeskReportTable   *table,
                                             const char        *label,
                                             gboolean           is_total);
void              desk_report_row_set_number (DeskReportRow    *row,
                                             guint              column,
                                             gint64             value);
void              desk_report_row_set_text  (DeskReportRow     *row,
                                             guint              column,
                                             const char        *text);
void              desk_report_row_set_empty (DeskReportRow     *row,
                                             guint              column);

DeskReportTable  *desk_report_find_table    (const DeskReport  *report,
                                             const char        *sheet,
                                             guint              block);  /* 0: first block */
int               desk_report_table_find_column (const DeskReportTable *table,
                                             const char        *path);   /* -1: none */
int               desk_report_table_find_row (const DeskReportTable *table,
                                             const char        *label);  /* -1: none */
const DeskCell   *desk_report_get_cell      (const DeskReport  *report,
                                             const char        *sheet,
                                             const char        *row,
                                             const char        *path);
char             *desk_cell_to_string       (const DeskCell    *cell,
                                             int                decimals);  /* "95.2", "", "是" */

/* Rounds numerator / denominator × 100 to tenths, half away from zero
 * (13/16 → 813, −5/16 → −313).  FALSE when denominator is 0. */
gboolean          desk_percent_tenths       (gint64             numerator,
                                             gint64             denominator,
                                             gint64            *tenths);

void              desk_record_ref_free      (DeskRecordRef     *ref);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskRecordRef, desk_record_ref_free)

G_END_DECLS
