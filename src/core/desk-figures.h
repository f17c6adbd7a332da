/* desk-figures.h — the month's figures of forms.md, computed from the ledger.
 *
 * One definition per figure, in SQL over indexed dates, shared by every
 * consumer: the workbook, the report page, `legaldesk-cli report`, the
 * history's change detection and `explain`, which lists the records behind
 * one figure.
 */
#pragma once

#include "desk-report.h"
#include "desk-store.h"

G_BEGIN_DECLS

/* The whole report of @year-@month: every table of forms.md in sheet order,
 * station names and signatories from the settings, 填报说明 in notes. */
DeskReport *desk_figures_compute  (DeskStore   *store,
                                   int          year,
                                   int          month,
                                   GError     **error);

/* The records behind one figure (element-type DeskRecordRef), in date
 * order.  @sheet, @row, @path as in desk_report_get_cell(); an unknown
 * sheet, row or column is a DESK_RECORD_ERROR_NOT_FOUND error that lists
 * the valid ones. */
GPtrArray  *desk_figures_explain  (DeskStore   *store,
                                   int          year,
                                   int          month,
                                   const char  *sheet,
                                   const char  *row,
                                   const char  *path,
                                   GError     **error);

/* The same, with what each record adds to the figure (@weights, element-type
 * gint64, fixed point like the cell): 1 for a count; its value for a sum
 * (records adding 0 left out); for a percentage the records are the
 * denominator's, each adding 1 or 0 to the numerator; for 环比 and 同比 the
 * records of both periods, each with what it adds to its period. */
GPtrArray  *desk_figures_explain_values (DeskStore   *store,
                                         int          year,
                                         int          month,
                                         const char  *sheet,
                                         const char  *row,
                                         const char  *path,
                                         GArray     **weights,
                                         GError     **error);

typedef struct
{
  char      *message;    /* one sentence, in the user's language */
  GPtrArray *records;    /* (element-type DeskRecordRef) the records involved */
} DeskReportWarning;

void        desk_report_warning_free (DeskReportWarning *warning);

/* The checks before export (forms.md, "Before export: checks"); warnings
 * never block.  (element-type DeskReportWarning) */
GPtrArray  *desk_figures_check    (DeskStore   *store,
                                   int          year,
                                   int          month,
                                   GError     **error);

/* Export is blocked only by missing station settings (县名, 乡镇名, 站名):
 * FALSE with an error that names what is missing. */
gboolean    desk_figures_can_export (DeskStore *store,
                                     GError   **error);

G_END_DECLS
