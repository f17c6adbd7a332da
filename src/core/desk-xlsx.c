/* desk-xlsx.c — the monthly statistical workbook, written with libxlsxwriter.
 *
 * County staff read the workbook by eye and also re-key or merge it, so the
 * sheets hold the forms and nothing else: title, the reporting unit and
 * period, the header, the figures, one footer row.  Numbers are numbers; a
 * 合计 is a SUM formula stored with its result, because LibreOffice and
 * simple readers show the stored result without calculating.
 *
 * libxlsxwriter 1.1.4 cannot fit columns to their content, so column widths
 * are computed from the display width of the texts (CJK counts double).
 * The file is written beside its target under a temporary name and renamed
 * into place only once complete and synced.
 */
#define G_LOG_DOMAIN "desk-xlsx"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "desk-date.h"
#include "desk-error.h"
#include "desk-xlsx.h"

#define NOTES_SHEET        "填报说明"
#define TITLE_FONT_SIZE    16.0
#define BODY_FONT_SIZE     11.0
#define TITLE_LINE_HEIGHT  24.0    /* points per line of the 16 pt title */
#define NOTES_LINE_HEIGHT  15.0
#define HEADER_FILL        0xD9D9D9
#define MIN_COLUMN_WIDTH   8.0
#define MAX_COLUMN_WIDTH   255.0   /* Excel's limit */
#define NOTES_MAX_WIDTH    100.0
#define CELL_PADDING       2.0
#define PAPER_A4           9
#define MAX_DECIMALS       4

typedef struct
{
  lxw_format *title;
  lxw_format *header;
  lxw_format *label;
  lxw_format *text;
  lxw_format *number[MAX_DECIMALS + 1];
  lxw_format *notes_title;
  lxw_format *notes;
} Formats;

/* A text that must fit into columns first..last together. */
typedef struct
{
  guint  first;
  guint  last;
  double width;
} Span;

typedef struct
{
  GArray *widths;   /* double per column */
  GArray *spans;    /* Span */
} Columns;

typedef struct
{
  const DeskReport *report;
  gboolean          corrected;
  const char       *report_date;
  Formats           formats;
} Writer;

int
desk_xlsx_display_width (const char *text)
{
  int width = 0;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static void
columns_init (Columns *columns)
{
  columns->widths = g_array_new (FALSE, FALSE, sizeof (double));
  columns->spans = g_array_new (FALSE, FALSE, sizeof (Span));
}

static void
columns_clear (Columns *columns)
{
  g_array_unref (columns->widths);
  g_array_unref (columns->spans);
}

static void
columns_ensure (Columns *columns,
                guint    n)
{
  while (columns->widths->len < n)
    {
      double width = MIN_COLUMN_WIDTH;

      g_array_append_val (columns->widths, width);
    }
}

/* @text must fit in columns @first..@last; @scale for larger fonts. */
static void
columns_need (Columns    *columns,
              guint       first,
              guint       last,
              const char *text,
              double      scale)
{
  double width = desk_xlsx_display_width (text) * scale + CELL_PADDING;

  columns_ensure (columns, last + 1);
  if (first == last)
    {
      double *current = &g_array_index (columns->widths, double, first);

      *current = MAX (*current, width);
    }
  else
    {
      Span span = { first, last, width };

      g_array_append_val (columns->spans, span);
    }
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a, *y = b;
  guint nx = x->last - x->first, ny = y->last - y->first;

  if (nx != ny)
    return nx < ny ? -1 : 1;
  return x->first < y->first ? -1 : x->first > y->first;
}

/* Single cells first, then spans from the narrowest: a span too narrow for
 * its text is widened evenly, and widening never undoes an earlier fit. */
static void
columns_apply (Columns       *columns,
               lxw_worksheet *sheet)
{
  g_array_sort (columns->spans, compare_spans);
  for (guint i = 0; i < columns->spans->len; i++)
    {
      const Span *span = &g_array_index (columns->spans, Span, i);
      double sum = 0;

      for (guint c = span->first; c <= span->last; c++)
        sum += g_array_index (columns->widths, double, c);
      if (sum < span->width)
        {
          double extra = (span->width - sum) / (span->last - span->first + 1);

          for (guint c = span->first; c <= span->last; c++)
            g_array_index (columns->widths, double, c) += extra;
        }
    }
  for (guint c = 0; c < columns->widths->len; c++)
    {
      /* Whole half-characters keep the file free of float noise. */
      double width = ceil (g_array_index (columns->widths, double, c) * 2) / 2;

      worksheet_set_column (sheet, c, c, MIN (width, MAX_COLUMN_WIDTH), NULL);
    }
}

static void
formats_init (Formats      *formats,
              lxw_workbook *book)
{
  static const char *const number_formats[MAX_DECIMALS + 1] = {
    "0", "0.0", "0.00", "0.000", "0.0000",
  };

  formats->title = workbook_add_format (book);
  format_set_bold (formats->title);
  format_set_font_size (formats->title, TITLE_FONT_SIZE);
  format_set_align (formats->title, LXW_ALIGN_CENTER);
  format_set_align (formats->title, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap (formats->title);

  formats->header = workbook_add_format (book);
  format_set_bold (formats->header);
  format_set_border (formats->header, LXW_BORDER_THIN);
  format_set_align (formats->header, LXW_ALIGN_CENTER);
  format_set_align (formats->header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_pattern (formats->header, LXW_PATTERN_SOLID);
  format_set_bg_color (formats->header, HEADER_FILL);

  formats->label = workbook_add_format (book);
  format_set_border (formats->label, LXW_BORDER_THIN);
  format_set_align (formats->label, LXW_ALIGN_VERTICAL_CENTER);

  formats->text = workbook_add_format (book);
  format_set_border (formats->text, LXW_BORDER_THIN);
  format_set_align (formats->text, LXW_ALIGN_CENTER);
  format_set_align (formats->text, LXW_ALIGN_VERTICAL_CENTER);

  for (guint i = 0; i <= MAX_DECIMALS; i++)
    {
      formats->number[i] = workbook_add_format (book);
      format_set_border (formats->number[i], LXW_BORDER_THIN);
      format_set_align (formats->number[i], LXW_ALIGN_VERTICAL_CENTER);
      format_set_num_format (formats->number[i], number_formats[i]);
    }

  formats->notes_title = workbook_add_format (book);
  format_set_bold (formats->notes_title);
  format_set_font_size (formats->notes_title, TITLE_FONT_SIZE);

  formats->notes = workbook_add_format (book);
  format_set_text_wrap (formats->notes);
  format_set_align (formats->notes, LXW_ALIGN_VERTICAL_TOP);
}

static int
column_decimals (const DeskReportColumn *column)
{
  return CLAMP (column->decimals, 0, MAX_DECIMALS);
}

static lxw_format *
column_format (Writer                 *writer,
               const DeskReportColumn *column)
{
  if (column->text)
    return writer->formats.text;
  return writer->formats.number[column_decimals (column)];
}

static gint64
scale_of (int decimals)
{
  gint64 scale = 1;

  for (int i = 0; i < decimals; i++)
    scale *= 10;
  return scale;
}

static gboolean
check (lxw_error   result,
       GError    **error)
{
  if (result == LXW_NO_ERROR)
    return TRUE;
  g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO,
               _("The workbook could not be written: %s"), lxw_strerror (result));
  return FALSE;
}

static gboolean
write_text (lxw_worksheet  *sheet,
            guint           row,
            guint           col,
            const char     *text,
            lxw_format     *format,
            GError        **error)
{
  return check (worksheet_write_string (sheet, row, col, text, format), error);
}

static gboolean
merge (lxw_worksheet  *sheet,
       guint           first_row,
       guint           first_col,
       guint           last_row,
       guint           last_col,
       const char     *text,
       lxw_format     *format,
       GError        **error)
{
  if (first_row == last_row && first_col == last_col)
    return write_text (sheet, first_row, first_col, text, format, error);
  return check (worksheet_merge_range (sheet, first_row, first_col, last_row, last_col,
                                       text, format), error);
}

static gboolean
has_groups (const DeskReportTable *table)
{
  for (guint c = 0; c < table->columns->len; c++)
    if (((DeskReportColumn *) g_ptr_array_index (table->columns, c))->group != NULL)
      return TRUE;
  return FALSE;
}

static guint
header_rows (const DeskReportTable *table)
{
  return !table->single_header_row && has_groups (table) ? 2 : 1;
}

/* The header at @row: the row-label name, group labels merged over their
 * columns with the column labels below, single columns over both rows. */
static gboolean
write_header (Writer                *writer,
              lxw_worksheet         *sheet,
              Columns               *columns,
              const DeskReportTable *table,
              guint                  row,
              GError               **error)
{
  lxw_format *format = writer->formats.header;
  guint last = row + header_rows (table) - 1;
  const double bold = 1.1;

  if (!merge (sheet, row, 0, last, 0, or_empty (table->row_header), format, error))
    return FALSE;
  columns_need (columns, 0, 0, or_empty (table->row_header), bold);

  for (guint c = 0; c < table->columns->len;)
    {
      DeskReportColumn *column = g_ptr_array_index (table->columns, c);
      guint end = c;

      if (last == row || column->group == NULL)
        {
          const char *label = last == row && column->group != NULL ? column->path
                                                                     : column->label;

          if (!merge (sheet, row, c + 1, last, c + 1, label, format, error))
            return FALSE;
          columns_need (columns, c + 1, c + 1, label, bold);
          c++;
          continue;
        }

      /* A run of columns under the same group. */
      while (end + 1 < table->columns->len)
        {
          DeskReportColumn *next = g_ptr_array_index (table->columns, end + 1);

          if (g_strcmp0 (next->group, column->group) != 0)
            break;
          end++;
        }
      if (!merge (sheet, row, c + 1, row, end + 1, column->group, format, error))
        return FALSE;
      columns_need (columns, c + 1, end + 1, column->group, bold);
      for (guint i = c; i <= end; i++)
        {
          DeskReportColumn *sub = g_ptr_array_index (table->columns, i);

          if (!write_text (sheet, last, i + 1, sub->label, format, error))
            return FALSE;
          columns_need (columns, i + 1, i + 1, sub->label, bold);
        }
      c = end + 1;
    }
  return TRUE;
}

static gboolean
write_cell (Writer                 *writer,
            lxw_worksheet          *sheet,
            Columns                *columns,
            const DeskReportColumn *column,
            const DeskCell         *cell,
            guint                   row,
            guint                   col,
            GError                **error)
{
  lxw_format *format = column_format (writer, column);
  g_autofree char *shown = desk_cell_to_string (cell, column_decimals (column));

  columns_need (columns, col, col, shown, 1.0);
  switch (cell->kind)
    {
    case DESK_CELL_NUMBER:
      return check (worksheet_write_number (sheet, row, col,
                                            (double) cell->value /
                                            scale_of (column_decimals (column)),
                                            format), error);
    case DESK_CELL_TEXT:
      return write_text (sheet, row, col, cell->text, writer->formats.text, error);
    case DESK_CELL_EMPTY:
    default:
      return check (worksheet_write_blank (sheet, row, col, format), error);
    }
}

/* A 合计 cell of a summable column: SUM over the rows above with the sum as
 * its stored result.  Should the report's total differ from that sum, the
 * report's figure is written as a number, so that the file shows what the
 * report page shows. */
static gboolean
write_total_cell (Writer                 *writer,
                  lxw_worksheet          *sheet,
                  Columns                *columns,
                  const DeskReportTable  *table,
                  guint                   c,
                  guint                   row_index,
                  guint                   first_row,
                  guint                   row,
                  GError                **error)
{
  DeskReportColumn *column = g_ptr_array_index (table->columns, c);
  DeskReportRow *total = g_ptr_array_index (table->rows, row_index);
  const DeskCell *cell = &total->cells[c];
  char range[LXW_MAX_CELL_RANGE_LENGTH];
  g_autofree char *formula = NULL;
  g_autofree char *shown = NULL;
  gint64 sum = 0;
  int decimals = column_decimals (column);

  for (guint r = 0; r < row_index; r++)
    {
      const DeskCell *above = &((DeskReportRow *) g_ptr_array_index (table->rows, r))->cells[c];

      if (above->kind == DESK_CELL_NUMBER)
        sum += above->value;
    }
  if (!column->summable || column->text || row_index == 0 ||
      cell->kind != DESK_CELL_NUMBER || cell->value != sum)
    return write_cell (writer, sheet, columns, column, cell, row, c + 1, error);

  lxw_rowcol_to_range (range, first_row, c + 1, row - 1, c + 1);
  formula = g_strdup_printf ("SUM(%s)", range);
  shown = desk_cell_to_string (cell, decimals);
  columns_need (columns, c + 1, c + 1, shown, 1.0);
  return check (worksheet_write_formula_num (sheet, row, c + 1, formula,
                                             column_format (writer, column),
                                             (double) sum / scale_of (decimals)), error);
}

/* Writes a block's header and rows from @row; returns the row after it. */
static gboolean
write_block (Writer                *writer,
             lxw_worksheet         *sheet,
             Columns               *columns,
             const DeskReportTable *table,
             guint                  row,
             guint                 *next_row,
             GError               **error)
{
  guint first_row;

  if (!write_header (writer, sheet, columns, table, row, error))
    return FALSE;
  first_row = row + header_rows (table);

  for (guint r = 0; r < table->rows->len; r++)
    {
      DeskReportRow *data = g_ptr_array_index (table->rows, r);
      guint at = first_row + r;

      if (!write_text (sheet, at, 0, or_empty (data->label), writer->formats.label, error))
        return FALSE;
      columns_need (columns, 0, 0, or_empty (data->label), 1.0);
      for (guint c = 0; c < table->columns->len; c++)
        {
          gboolean ok;

          if (data->is_total)
            ok = write_total_cell (writer, sheet, columns, table, c, r, first_row, at, error);
          else
            ok = write_cell (writer, sheet, columns, g_ptr_array_index (table->columns, c),
                             &data->cells[c], at, c + 1, error);
          if (!ok)
            return FALSE;
        }
    }
  *next_row = first_row + table->rows->len;
  return TRUE;
}

/* Cells of a row spread over the table: @n positions in @width columns, or
 * one per column from A when the table is narrower than that. */
static void
spread (guint  n,
        guint  width,
        guint *positions)
{
  positions[0] = 0;
  if (n == 3 && width >= 3)
    {
      positions[1] = width / 2;
      positions[2] = width - 1;
      return;
    }
  for (guint i = 1; i < n; i++)
    positions[i] = width >= n ? i * width / n : i;
}

static gboolean
write_spread (lxw_worksheet      *sheet,
              Columns            *columns,
              guint               row,
              guint               width,
              const char *const  *texts,
              guint               n,
              GError            **error)
{
  guint positions[8];

  g_assert (n <= G_N_ELEMENTS (positions));
  spread (n, width, positions);
  for (guint i = 0; i < n; i++)
    {
      guint end = i + 1 < n ? positions[i + 1] - 1 : MAX (positions[i], width - 1);

      if (!write_text (sheet, row, positions[i], texts[i], NULL, error))
        return FALSE;
      columns_need (columns, positions[i], end, texts[i], 1.0);
    }
  return TRUE;
}

static void
set_print (lxw_worksheet *sheet)
{
  worksheet_set_paper (sheet, PAPER_A4);
  worksheet_set_landscape (sheet);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_center_horizontally (sheet);
}

/* One table sheet: @tables[0..n) are its blocks, the first with a title. */
static gboolean
write_table_sheet (Writer           *writer,
                   lxw_workbook     *book,
                   DeskReportTable **tables,
                   guint             n,
                   GError          **error)
{
  const DeskReport *report = writer->report;
  DeskReportTable *first = tables[0];
  guint width = first->columns->len + 1;
  lxw_worksheet *sheet;
  Columns columns;
  g_autofree char *title = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *period = NULL;
  g_autofree char *units = NULL;
  g_auto(GStrv) footer = g_new0 (char *, 6);
  guint row, title_lines;
  gboolean ok = FALSE;

  sheet = workbook_add_worksheet (book, first->sheet);
  if (sheet == NULL)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO,
                   _("The workbook could not be written: “%s” is not a valid sheet name."),
                   first->sheet);
      return FALSE;
    }
  columns_init (&columns);
  columns_ensure (&columns, width);

  title = g_strdup_printf ("%s%s司法所%d年%d月%s%s", or_empty (report->county),
                           or_empty (report->township), report->year, report->month,
                           first->name ? first->name : first->sheet,
                           writer->corrected ? "（更正）" : "");
  unit = g_strdup_printf ("填报单位：%s（盖章）", or_empty (report->station));
  period = g_strdup_printf ("统计期：%s 至 %s", report->first_day, report->last_day);
  units = g_strdup_printf ("计量单位：%s", or_empty (first->units));
  footer[0] = g_strconcat ("单位负责人：", or_empty (report->head), NULL);
  footer[1] = g_strconcat ("审核人：", or_empty (report->reviewer), NULL);
  footer[2] = g_strconcat ("填报人：", or_empty (report->clerk), NULL);
  footer[3] = g_strconcat ("联系电话：", or_empty (report->phone), NULL);
  footer[4] = g_strconcat ("报送日期：", writer->report_date, NULL);

  if (!merge (sheet, 0, 0, 0, width - 1, title, writer->formats.title, error))
    goto out;
  {
    const char *const info[] = { unit, period, units };

    if (!write_spread (sheet, &columns, 1, width, info, G_N_ELEMENTS (info), error))
      goto out;
  }

  row = 2;
  for (guint b = 0; b < n; b++)
    {
      guint next;

      if (b > 0)
        row++;   /* one empty row between blocks */
      if (!write_block (writer, sheet, &columns, tables[b], row, &next, error))
        goto out;
      if (b == 0)
        {
          worksheet_freeze_panes (sheet, row + header_rows (tables[b]), 1);
          if (!check (worksheet_repeat_rows (sheet, row, row + header_rows (tables[b]) - 1),
                      error))
            goto out;
        }
      row = next;
    }

  if (!write_spread (sheet, &columns, row + 1, width, (const char *const *) footer,
                     g_strv_length (footer), error))
    goto out;

  columns_apply (&columns, sheet);

  /* The title wraps inside its merged cells rather than widening a narrow
   * table; the row grows to the lines it needs (10% margin for bold). */
  {
    double table_width = 0;

    for (guint c = 0; c < width; c++)
      table_width += ceil (g_array_index (columns.widths, double, c) * 2) / 2;
    title_lines = (guint) ceil (desk_xlsx_display_width (title) * TITLE_FONT_SIZE /
                                BODY_FONT_SIZE * 1.1 / table_width);
    worksheet_set_row (sheet, 0, TITLE_LINE_HEIGHT * MAX (title_lines, 1), NULL);
  }
  set_print (sheet);
  ok = TRUE;

out:
  columns_clear (&columns);
  return ok;
}

static gboolean
write_notes_sheet (Writer        *writer,
                   lxw_workbook  *book,
                   GError       **error)
{
  const DeskReport *report = writer->report;
  lxw_worksheet *sheet = workbook_add_worksheet (book, NOTES_SHEET);
  double width = 20;

  if (sheet == NULL)
    return check (LXW_ERROR_MEMORY_MALLOC_FAILED, error);
  if (!write_text (sheet, 0, 0, NOTES_SHEET, writer->formats.notes_title, error))
    return FALSE;
  for (guint i = 0; i < report->notes->len; i++)
    width = MAX (width, desk_xlsx_display_width (g_ptr_array_index (report->notes, i)) +
                 CELL_PADDING);
  width = MIN (width, NOTES_MAX_WIDTH);

  for (guint i = 0; i < report->notes->len; i++)
    {
      const char *note = g_ptr_array_index (report->notes, i);
      double lines = ceil ((desk_xlsx_display_width (note) + CELL_PADDING) / width);

      if (!write_text (sheet, i + 1, 0, note, writer->formats.notes, error))
        return FALSE;
      if (lines > 1)
        worksheet_set_row (sheet, i + 1, NOTES_LINE_HEIGHT * lines, NULL);
    }
  worksheet_set_column (sheet, 0, 0, ceil (width), NULL);
  set_print (sheet);
  return TRUE;
}

static gint64
default_created (const char *report_date)
{
  g_autoptr(GDateTime) time = NULL;
  int y, m, d;

  if (!desk_date_to_ymd (report_date, &y, &m, &d))
    return 0;
  time = g_date_time_new_utc (y, m, d, 0, 0, 0);
  return time ? g_date_time_to_unix (time) : 0;
}

/* Writes the whole workbook to @path (the temporary file). */
static gboolean
write_workbook (Writer                 *writer,
                const char             *path,
                const DeskXlsxOptions  *options,
                GError                **error)
{
  const DeskReport *report = writer->report;
  lxw_workbook_options book_options = { 0, };
  lxw_doc_properties properties = { 0, };
  g_autofree char *doc_title = NULL;
  lxw_workbook *book;
  lxw_error result;
  guint i = 0;

  book = workbook_new_opt (path, &book_options);
  if (book == NULL)
    return check (LXW_ERROR_MEMORY_MALLOC_FAILED, error);
  formats_init (&writer->formats, book);

  while (i < report->tables->len)
    {
      DeskReportTable **tables = (DeskReportTable **) report->tables->pdata + i;
      guint n = 1;

      /* Consecutive tables of one sheet are its blocks (汇总's 站点指标). */
      while (i + n < report->tables->len &&
             g_strcmp0 (tables[n]->sheet, tables[0]->sheet) == 0)
        n++;
      if (!write_table_sheet (writer, book, tables, n, error))
        {
          lxw_workbook_free (book);
          return FALSE;
        }
      i += n;
    }
  if (!write_notes_sheet (writer, book, error))
    {
      lxw_workbook_free (book);
      return FALSE;
    }

  doc_title = g_strdup_printf ("%s%d年%d月统计月报%s", or_empty (report->station),
                               report->year, report->month,
                               writer->corrected ? "（更正）" : "");
  properties.title = doc_title;
  properties.author = (char *) or_empty (report->station);
  properties.created = options->created != 0 ? options->created
                                             : default_created (writer->report_date);
  if (!check (workbook_set_properties (book, &properties), error))
    {
      lxw_workbook_free (book);
      return FALSE;
    }

  result = workbook_close (book);
  return check (result, error);
}

/* The bytes are on the disk before the name points at them. */
static gboolean
sync_file (const char  *path,
           GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  int saved;

  if (fd >= 0 && fsync (fd) == 0)
    return g_close (fd, error);
  saved = errno;
  if (fd >= 0)
    g_close (fd, NULL);
  g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO,
               _("The workbook could not be written: %s"), g_strerror (saved));
  return FALSE;
}

static void
set_exists_error (GError     **error,
                  const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE,
               _("The file “%s” already exists; it is replaced only when you allow it."),
               display);
}

/* Renames @tmp to @path.  Without @overwrite, link() claims the name
 * atomically; file systems without hard links (FAT on a USB stick) fall
 * back to checking first. */
static gboolean
move_into_place (const char  *tmp,
                 const char  *path,
                 gboolean     overwrite,
                 GError     **error)
{
  int saved;

  if (!overwrite)
    {
      if (link (tmp, path) == 0)
        {
          g_unlink (tmp);
          return TRUE;
        }
      if (errno == EEXIST || g_file_test (path, G_FILE_TEST_EXISTS))
        {
          set_exists_error (error, path);
          return FALSE;
        }
    }
  if (g_rename (tmp, path) == 0)
    return TRUE;
  saved = errno;
  {
    g_autofree char *display = g_filename_display_name (path);

    g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO,
                 _("The workbook could not be saved as “%s”: %s"), display,
                 g_strerror (saved));
  }
  return FALSE;
}

char *
desk_xlsx_file_name (const DeskReport *report,
                     gboolean          corrected)
{
  g_autofree char *station = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  station = g_strdup (or_empty (report->station));
  g_strdelimit (station, "/\\:*?\"<>|", '_');
  return g_strdup_printf ("%s_%04d年%02d月_统计月报%s.xlsx", station, report->year,
                          report->month, corrected ? "（更正）" : "");
}

gboolean
desk_xlsx_write (const DeskReport       *report,
                 const char             *path,
                 const DeskXlsxOptions  *options,
                 GError                **error)
{
  const DeskXlsxOptions defaults = { 0, };
  g_autofree char *report_date = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  Writer writer = { 0, };
  int fd;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    options = &defaults;
  report_date = options->report_date ? g_strdup (options->report_date) : desk_today ();
  if (!desk_date_valid (report_date))
    {
      desk_set_field_error (error, _("Report date"),
                            _("“%s” is not a date; write it as 2026-10-01"), report_date);
      return FALSE;
    }
  if (!options->overwrite && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      set_exists_error (error, path);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s%s.%s.XXXXXX", dir, G_DIR_SEPARATOR_S, base);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO,
                   _("The workbook cannot be written in the folder “%s”: %s"), display,
                   g_strerror (saved));
      return FALSE;
    }
  g_close (fd, NULL);

  writer.report = report;
  writer.corrected = options->corrected;
  writer.report_date = report_date;
  if (!write_workbook (&writer, tmp, options, error) ||
      !sync_file (tmp, error) ||
      !move_into_place (tmp, path, options->overwrite, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}
