/* desk-csv.h — CSV files as Excel and WPS write them, and as we write them.
 *
 * Reading: the bytes are UTF-8 (with or without BOM) or GB18030/GBK, found
 * out rather than asked; then RFC 4180 (quoted fields holding commas,
 * doubled quotes and line breaks; CRLF or LF; a last line without a line
 * break).  Each row remembers the line it starts on, so that every message
 * can say where to look.
 *
 * Writing: UTF-8 with a BOM (so that Excel opens it right), CRLF, quotes
 * only where needed, and text cells that a spreadsheet would take for a
 * formula escaped with a leading apostrophe.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DESK_CSV_ERROR (desk_csv_error_quark ())

typedef enum
{
  DESK_CSV_ERROR_ENCODING,  /* neither UTF-8 nor GB18030 */
  DESK_CSV_ERROR_SYNTAX,    /* an unclosed quote, text after a closing quote */
  DESK_CSV_ERROR_RAGGED,    /* a row with more or fewer cells than the header */
  DESK_CSV_ERROR_EMPTY,     /* no header row */
  DESK_CSV_ERROR_IO,        /* the file cannot be read or written */
} DeskCsvError;

GQuark desk_csv_error_quark (void);

typedef struct
{
  guint   line;       /* the line the row starts on, from 1 */
  guint   n_fields;
  char  **fields;     /* n_fields UTF-8 strings, NULL-terminated */
} DeskCsvRow;

void        desk_csv_row_free        (DeskCsvRow   *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskCsvRow, desk_csv_row_free)

/* Decodes @data: UTF-8 (a BOM is dropped) when valid, else GB18030.
 * @encoding (out) (optional): "UTF-8" or "GB18030".
 * @error_line (out) (optional): on failure, the line of the first byte that
 *   is valid in neither encoding. */
char       *desk_csv_decode          (const char   *data,
                                      gsize         length,
                                      const char  **encoding,
                                      guint        *error_line,
                                      GError      **error);

/* Splits decoded text into rows (element-type DeskCsvRow), empty lines
 * included as rows of one empty field.  @error_line as above. */
GPtrArray  *desk_csv_parse           (const char   *text,
                                      guint        *error_line,
                                      GError      **error);

typedef struct
{
  char        *encoding;  /* what the file was written in */
  DeskCsvRow  *header;
  GPtrArray   *rows;      /* DeskCsvRow: the data rows, blank ones dropped */
} DeskCsvTable;

void          desk_csv_table_free    (DeskCsvTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskCsvTable, desk_csv_table_free)

/* Decodes and parses a whole file: a header row, then data rows that must
 * have as many cells as the header (a row whose cells are all empty is
 * skipped: spreadsheets leave them behind). */
DeskCsvTable *desk_csv_table_parse   (const char   *data,
                                      gsize         length,
                                      guint        *error_line,
                                      GError      **error);
DeskCsvTable *desk_csv_table_load    (const char   *path,
                                      guint        *error_line,
                                      GError      **error);

/* Spreadsheet formulas.  A text cell that begins with = + - @, a tab or a
 * carriage return (after any apostrophes already there) is written with one
 * more leading apostrophe; reading drops that apostrophe again. */
gboolean    desk_csv_needs_escape    (const char   *text);
char       *desk_csv_escape_formula  (const char   *text);
char       *desk_csv_unescape_formula (const char  *text);

/* Lists inside a cell: "、", ";" and "；" separate items; items are trimmed
 * and empty ones dropped.  Only for list columns: labels may contain "、". */
GStrv       desk_csv_split_list      (const char   *cell);
char       *desk_csv_join_list       (const char *const *items);

typedef struct _DeskCsvWriter DeskCsvWriter;

DeskCsvWriter *desk_csv_writer_new       (void);
void        desk_csv_writer_free         (DeskCsvWriter *writer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskCsvWriter, desk_csv_writer_free)

/* A text cell (formula-escaped); NULL is an empty cell. */
void        desk_csv_writer_add_text     (DeskCsvWriter *writer,
                                          const char    *text);
/* A number cell, written as given, never escaped; NULL is empty. */
void        desk_csv_writer_add_number   (DeskCsvWriter *writer,
                                          const char    *text);
void        desk_csv_writer_add_int      (DeskCsvWriter *writer,
                                          gint64         value);
void        desk_csv_writer_add_row      (DeskCsvWriter *writer,
                                          const char *const *texts);
void        desk_csv_writer_end_row      (DeskCsvWriter *writer);
const char *desk_csv_writer_get_data     (DeskCsvWriter *writer,
                                          gsize         *length);
/* Writes the file through a temporary file renamed into place. */
gboolean    desk_csv_writer_save         (DeskCsvWriter *writer,
                                          const char    *path,
                                          GError       **error);

G_END_DECLS
