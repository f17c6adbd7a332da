/* desk-import-private.h — what the import's framework (desk-import.c) and
 * its per-kind row mappings (desk-import-rows.c) share.
 *
 * The framework reads the files, checks headers, runs every row in its own
 * savepoint inside the import's one transaction and keeps the report.  A
 * row mapping reads the row's cells through the helpers below (each of
 * which reports its own problem, naming the column), fills the record API's
 * struct and creates the record through that API.
 */
#pragma once

#include "desk-csv.h"
#include "desk-import.h"
#include "desk-person.h"
#include "desk-validate.h"

G_BEGIN_DECLS

typedef enum
{
  ROW_ADDED,
  ROW_SKIPPED,   /* the natural key is already there */
  ROW_FAILED,    /* problems reported */
} RowResult;

typedef struct
{
  DeskCsvKind       kind;
  char             *path;
  DeskCsvTable     *table;
  DeskImportFile   *report;      /* owned by the report */
  int              *index;       /* kind column → header position, -1: absent */
  gboolean          usable;      /* the header is right */
  gint64            baseline;    /* highest id of the kind's table before this file */
  GHashTable       *seen;        /* whole-row key → times met in this file */
  GHashTable       *existing;    /* date → (key → live records there before) */
} SourceFile;

/* A row of mediation_parties.csv, read before the cases it belongs to. */
typedef struct
{
  SourceFile  *source;
  guint        line;
  char        *number;      /* 案号 */
  char        *role;        /* 申请人, 被申请人, 第三人 */
  char        *name;
  char       **cells;       /* the row's cells by kind column */
  gboolean     used;        /* matched a party of its case */
} PartyRow;

typedef struct
{
  DeskStore         *store;
  DeskImportReport  *report;
  char              *today;
  GPtrArray         *sources;        /* SourceFile, in import order */
  GPtrArray         *pending_staff;  /* names the current row added */
  GHashTable        *parties;        /* 案号 → GPtrArray of PartyRow */
  GHashTable        *case_numbers;   /* 案号 given in mediation_cases.csv */
  /* Looked up once per import: code tables and villages do not change
   * while rows are imported (a village row comes before every row that
   * names it).  "kind\x1flabel" → id; village name → id. */
  GHashTable        *codes;
  GHashTable        *villages;

  /* The row being imported. */
  SourceFile        *source;
  DeskCsvRow        *row;
  char             **cells;          /* by kind column: trimmed, unescaped; NULL: empty */
  guint              line;
  GPtrArray         *row_parties;    /* PartyRow (not owned) that go with the row */
} Importer;

/* Problems, reported against the current row. */
void        import_problem        (Importer     *im,
                                   const char   *column,
                                   const char   *format,
                                   ...) G_GNUC_PRINTF (3, 4);
void        import_problem_at     (Importer     *im,
                                   SourceFile   *source,
                                   guint         line,
                                   const char   *column,
                                   const char   *message);
/* A record API's error: a field error that names one of the kind's columns
 * is put in that column; otherwise in @column (may be NULL). */
void        import_gerror         (Importer     *im,
                                   const char   *column,
                                   const GError *error);

/* Cells of the current row.  Every getter returns FALSE after reporting a
 * problem; an empty cell is "not given" (NULL, 0, the default). */
const char *cell                  (Importer     *im,
                                   const char   *column);
gboolean    cell_required         (Importer     *im,
                                   const char   *column,
                                   const char  **text);
/* Dates of events may not lie after today; cell_plan_date() is for the
 * dates of a term or an active period, which may. */
gboolean    cell_date             (Importer     *im,
                                   const char   *column,
                                   gboolean      required,
                                   char        **date);
gboolean    cell_plan_date        (Importer     *im,
                                   const char   *column,
                                   gboolean      required,
                                   char        **date);
gboolean    cell_datetime         (Importer     *im,
                                   const char   *column,
                                   gboolean      required,
                                   char        **datetime);
gboolean    cell_count            (Importer     *im,
                                   const char   *column,
                                   int           empty_value,
                                   int           minimum,
                                   int          *value);
gboolean    cell_money            (Importer     *im,
                                   const char   *column,
                                   gint64       *fen);
gboolean    cell_half_hours       (Importer     *im,
                                   const char   *column,
                                   int          *half_hours);
gboolean    cell_code             (Importer     *im,
                                   const char   *column,
                                   const char   *kind,
                                   gboolean      required,
                                   gint64       *id);
/* One of @choices (NULL-terminated); *index is -1 for an empty cell. */
gboolean    cell_choice           (Importer     *im,
                                   const char   *column,
                                   const char *const *choices,
                                   gboolean      required,
                                   int          *index);
gboolean    cell_sex              (Importer     *im,
                                   const char   *column,
                                   gboolean      required,
                                   DeskSex      *sex);
GStrv       cell_list             (Importer     *im,
                                   const char   *column);
gboolean    cell_village          (Importer     *im,
                                   const char   *column,
                                   gboolean      required,
                                   gint64       *id);
gboolean    cell_committee        (Importer     *im,
                                   const char   *column,
                                   gint64       *id);
gboolean    cell_staff            (Importer     *im,
                                   const char   *column,
                                   gint64       *id);
gboolean    cell_adviser          (Importer     *im,
                                   const char   *column,
                                   gint64       *id);
/* 民族: a GB 3304 full name; empty is 汉族, or nothing for @foreigner. */
gboolean    cell_ethnicity        (Importer     *im,
                                   const char   *column,
                                   gboolean      foreigner,
                                   char        **ethnicity);

/* A person from the row's person columns (证件类型, 证件号码, 手机, 性别,
 * 出生日期, and 民族 when the kind has it), @name already read.  Columns
 * the kind lacks are skipped.  Returns NULL after reporting problems. */
DeskPerson *row_person            (Importer     *im,
                                   const char   *name,
                                   gboolean      foreigner);
/* The register's entry for @person: found by 证件号码, else 手机 + 姓名,
 * else created; updated with its non-empty values. */
gboolean    ensure_person         (Importer     *im,
                                   DeskPerson   *person,
                                   gint64       *id);

/* The one record already numbered @number in @table (live), or 0. */
gint64      find_by_number        (Importer     *im,
                                   const char   *table,
                                   const char   *number);
/* A row given the number of an existing record: the row's content, made
 * into the record @new_id (created without the number, inside the row's
 * savepoint), must equal the existing one's. */
RowResult   compare_numbered      (Importer     *im,
                                   gint64        existing_id,
                                   gint64        new_id,
                                   const char   *number_column,
                                   const char   *number);
/* The whole-row key of a kind without a number in the row: skipped when an
 * equal record was there before this file, counting repeats. */
RowResult   whole_row_result      (Importer     *im,
                                   gint64        new_id);

/* Per-kind row mappings (desk-import-rows.c). */
typedef RowResult (*RowImporter) (Importer *im);
RowImporter import_row_function   (DeskCsvKind   kind);
/* Makes a row of mediation_parties.csv the current row (for its cells and
 * its problems) until restored. */
typedef struct
{
  SourceFile  *source;
  char       **cells;
  guint        line;
} RowContext;

void        enter_party_row       (Importer     *im,
                                   PartyRow     *party,
                                   RowContext   *saved);
void        leave_party_row       (Importer     *im,
                                   RowContext   *saved);

/* Reads mediation_parties.csv's rows into im->parties before the cases. */
void        import_collect_parties (Importer    *im,
                                    SourceFile  *source);

G_END_DECLS
