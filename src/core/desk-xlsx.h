/* desk-xlsx.h — the monthly statistical workbook (统计月报) as an XLSX file.
 *
 * Writes a DeskReport in the layout of forms.md: one sheet per table in the
 * report's order, then 填报说明.  The file appears under its name only when
 * complete, and the same figures with the same options give the same bytes.
 */
#pragma once

#include <glib.h>

#include "desk-report.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean    corrected;    /* titles read {表名}（更正） */
  const char *report_date;  /* 报送日期 "YYYY-MM-DD"; NULL: today */
  gboolean    overwrite;    /* an existing file may be replaced */
  gint64      created;      /* the workbook's creation time (Unix seconds);
                               0: 报送日期 at 00:00 UTC, so that a file
                               depends on nothing but its content */
} DeskXlsxOptions;

/* "{站名}_{YYYY}年{MM}月_统计月报.xlsx", or "…_统计月报（更正）.xlsx"; characters
 * that file systems refuse (/ \ : * ? " < > |) become "_". */
char     *desk_xlsx_file_name (const DeskReport       *report,
                               gboolean                corrected);

/* Writes @report to @path through a temporary file in the same folder.
 * @options may be NULL (defaults: not corrected, today, no overwrite).
 * An existing @path without options->overwrite is a
 * DESK_RECORD_ERROR_DUPLICATE error; a failure to write is a
 * DESK_STORE_ERROR_IO error; on failure nothing is left behind. */
gboolean  desk_xlsx_write     (const DeskReport       *report,
                               const char             *path,
                               const DeskXlsxOptions  *options,
                               GError                **error);

/* Columns a text takes in a spreadsheet: CJK and full-width characters
 * count two. */
int       desk_xlsx_display_width (const char         *text);

G_END_DECLS
