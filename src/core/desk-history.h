/* desk-history.h — the workbooks sent to the county, and what changed since.
 *
 * Every export is kept: month, time, who, file name, SHA-256 of the file and
 * the figures as exported.  Recomputing a month and comparing it with its
 * last export lists the figures that moved since, whatever moved them (a
 * record, a setting, a code table, a holiday), so that the station can send
 * a corrected workbook.
 */
#pragma once

#include "desk-report.h"
#include "desk-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64    id;
  int       year;
  int       month;
  char     *exported_at;   /* "YYYY-MM-DD HH:MM:SS" */
  char     *exported_by;   /* may be NULL */
  char     *file_name;     /* the name only, without the folder */
  char     *sha256;        /* 64 lowercase hex digits */
  gboolean  corrected;     /* the titles carried （更正） */
  char     *figures;       /* desk_history_serialize() of the report */
} DeskExport;

typedef struct
{
  char *sheet;
  char *row;
  char *path;              /* column path, "受理/本月" */
  char *old_value;         /* as exported; NULL when the row was not listed then */
  char *new_value;         /* as now; NULL when the row is no longer listed */
} DeskFigureChange;

void        desk_export_free          (DeskExport        *export);
void        desk_figure_change_free   (DeskFigureChange  *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskExport, desk_export_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskFigureChange, desk_figure_change_free)

/* Every figure of every block, one line each, in the report's order:
 * "sheet<TAB>row<TAB>path<TAB>value\n", value as desk_cell_to_string()
 * gives it ("" for an empty cell).  A tab, newline or backslash inside a
 * field is written \t, \n, \\. */
char       *desk_history_serialize    (const DeskReport  *report);

/* The figures that differ between two serialisations (element-type
 * DeskFigureChange), in the order of @new_figures, then those only in
 * @old_figures.  Rows of the same name are paired in order. */
GPtrArray  *desk_history_compare      (const char        *old_figures,
                                       const char        *new_figures);

/* SHA-256 of a file's bytes, lowercase hex. */
char       *desk_history_file_sha256  (const char        *path,
                                       GError           **error);

/* Records an export of @report written to @path (which must exist). */
gboolean    desk_history_record       (DeskStore         *store,
                                       const DeskReport  *report,
                                       const char        *path,
                                       const char        *exported_by,
                                       gboolean           corrected,
                                       gint64            *id,
                                       GError           **error);

/* Every export, oldest first (element-type DeskExport). */
GPtrArray  *desk_history_list         (DeskStore         *store,
                                       GError           **error);

/* The last export of a month; NULL without an error when there is none. */
DeskExport *desk_history_last         (DeskStore         *store,
                                       int                year,
                                       int                month,
                                       GError           **error);

/* Recomputes @year-@month and compares it with its last export (element-type
 * DeskFigureChange); empty when nothing changed or the month was never
 * exported. */
GPtrArray  *desk_history_changes      (DeskStore         *store,
                                       int                year,
                                       int                month,
                                       GError           **error);

/* "人民调解 · 婚姻家庭纠纷 · 受理/本月：3 → 4", for lists shown to the user. */
char       *desk_figure_change_describe (const DeskFigureChange *change);

G_END_DECLS
