/* desk-import.h — moving a station's existing ledgers in from CSV files.
 *
 * One CSV file per record kind, named and laid out as import.md says.
 * Everything given is imported in dependency order in one transaction:
 * all of it, or (on any error) nothing.  A dry run checks and counts
 * everything exactly as an import would, then rolls back, so that the
 * window can show the report before anything is written.
 */
#pragma once

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_IMPORT_ERROR (desk_import_error_quark ())

typedef enum
{
  DESK_IMPORT_ERROR_ROWS,     /* the report lists errors; nothing was written */
  DESK_IMPORT_ERROR_NOTHING,  /* no file to import among the paths */
} DeskImportError;

GQuark desk_import_error_quark (void);

/* The kinds of file, in the order they are imported (a file may only name
 * what an earlier kind brings). */
typedef enum
{
  DESK_CSV_VILLAGES = 0,
  DESK_CSV_COMMITTEES,
  DESK_CSV_MEDIATORS,
  DESK_CSV_ADVISERS,
  DESK_CSV_ADVISER_ASSIGNMENTS,
  DESK_CSV_CONSULTATIONS,
  DESK_CSV_MEDIATION_CASES,
  DESK_CSV_MEDIATION_PARTIES,
  DESK_CSV_SCREENINGS,
  DESK_CSV_LEGAL_AID,
  DESK_CSV_ADVISER_SERVICES,
  DESK_CSV_N_KINDS
} DeskCsvKind;

typedef enum
{
  DESK_CSV_COLUMN_REQUIRED = 0,
  DESK_CSV_COLUMN_OPTIONAL = 1 << 0,   /* the column may be missing */
  DESK_CSV_COLUMN_NUMBER   = 1 << 1,   /* a number cell: never formula-escaped */
  DESK_CSV_COLUMN_LIST     = 1 << 2,   /* items separated by 、 ; ； */
} DeskCsvColumnFlags;

typedef struct
{
  const char         *name;    /* the header, e.g. "日期时间" */
  DeskCsvColumnFlags  flags;
} DeskCsvColumn;

const char          *desk_csv_kind_file_name (DeskCsvKind  kind);   /* "consultations.csv" */
gboolean             desk_csv_kind_from_file_name (const char  *name,
                                                   DeskCsvKind *kind);
/* The columns in import.md's order (optional ones included). */
const DeskCsvColumn *desk_csv_kind_columns   (DeskCsvKind  kind,
                                              guint       *n_columns);

typedef struct
{
  gboolean dry_run;   /* check and count, then roll back */
} DeskImportOptions;

typedef struct
{
  char  *file;        /* the file's path as given */
  guint  line;        /* 0: the whole file */
  char  *column;      /* the header of the column, or NULL */
  char  *message;     /* for the clerk, in their language */
} DeskImportProblem;

typedef struct
{
  char        *path;
  DeskCsvKind  kind;
  char        *encoding;   /* "UTF-8" or "GB18030" */
  guint        rows;       /* data rows read */
  guint        added;
  guint        skipped;    /* natural key already there */
} DeskImportFile;

typedef struct
{
  gboolean   dry_run;
  gboolean   written;      /* committed (never in a dry run or on errors) */
  GPtrArray *files;        /* (element-type DeskImportFile) in import order */
  GPtrArray *staff_added;  /* (element-type utf8) names added to the staff list */
  GPtrArray *problems;     /* (element-type DeskImportProblem) */
  guint      dropped;      /* problems beyond the report's limit, not listed */
} DeskImportReport;

void      desk_import_report_free   (DeskImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskImportReport, desk_import_report_free)

/* The report as text for the clerk: per file added/skipped, staff added,
 * then every error with file, line and column. */
char     *desk_import_report_format (const DeskImportReport *report);

/* Imports @paths (files named as import.md names them, or folders holding
 * such files).  @report (out) (optional) is always filled, even on failure.
 * Fails with DESK_IMPORT_ERROR_ROWS when the report lists any error, and
 * then nothing is written. */
gboolean  desk_import_paths         (DeskStore                *store,
                                     const char *const        *paths,
                                     const DeskImportOptions  *options,
                                     DeskImportReport        **report,
                                     GError                  **error);

G_END_DECLS
