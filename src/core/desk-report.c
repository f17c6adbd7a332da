/* desk-report.c — building, finding and printing the month's report data.
 * The figures themselves are computed in desk-figures.c. */
#define G_LOG_DOMAIN "desk-report"

#include "config.h"

#include "desk-date.h"
#include "desk-report.h"

static void
column_free (gpointer data)
{
  DeskReportColumn *column = data;

  g_free (column->group);
  g_free (column->label);
  g_free (column->path);
  g_free (column);
}

static void
table_free (gpointer data)
{
  DeskReportTable *table = data;

  for (guint i = 0; i < table->rows->len; i++)
    {
      DeskReportRow *row = g_ptr_array_index (table->rows, i);

      for (guint c = 0; c < table->columns->len; c++)
        g_free (row->cells[c].text);
      g_free (row->cells);
      g_free (row->label);
      g_free (row);
    }
  g_ptr_array_unref (table->rows);
  g_ptr_array_unref (table->columns);
  g_free (table->sheet);
  g_free (table->name);
  g_free (table->units);
  g_free (table->row_header);
  g_free (table);
}

DeskReport *
desk_report_new (int year,
                 int month)
{
  DeskReport *report = g_new0 (DeskReport, 1);

  report->year = year;
  report->month = month;
  desk_month_bounds (year, month, &report->first_day, &report->last_day);
  report->tables = g_ptr_array_new_with_free_func (table_free);
  report->notes = g_ptr_array_new_with_free_func (g_free);
  return report;
}

void
desk_report_free (DeskReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->tables);
  g_ptr_array_unref (report->notes);
  g_free (report->first_day);
  g_free (report->last_day);
  g_free (report->county);
  g_free (report->township);
  g_free (report->station);
  g_free (report->head);
  g_free (report->reviewer);
  g_free (report->clerk);
  g_free (report->phone);
  g_free (report);
}

DeskReportTable *
desk_report_add_table (DeskReport *report,
                       const char *sheet,
                       const char *name,
                       const char *units,
                       const char *row_header)
{
  DeskReportTable *table = g_new0 (DeskReportTable, 1);

  table->sheet = g_strdup (sheet);
  table->name = g_strdup (name);
  table->units = g_strdup (units);
  table->row_header = g_strdup (row_header);
  table->columns = g_ptr_array_new_with_free_func (column_free);
  table->rows = g_ptr_array_new ();
  g_ptr_array_add (report->tables, table);
  return table;
}

static DeskReportColumn *
add_column (DeskReportTable *table,
            const char      *group,
            const char      *label,
            int              decimals,
            gboolean         summable,
            gboolean         text)
{
  DeskReportColumn *column = g_new0 (DeskReportColumn, 1);

  g_return_val_if_fail (table->rows->len == 0, NULL);

  column->group = g_strdup (group);
  column->label = g_strdup (label);
  column->path = group ? g_strdup_printf ("%s/%s", group, label) : g_strdup (label);
  column->decimals = decimals;
  column->summable = summable;
  column->text = text;
  g_ptr_array_add (table->columns, column);
  return column;
}

DeskReportColumn *
desk_report_table_add_column (DeskReportTable *table,
                              const char      *group,
                              const char      *label,
                              int              decimals,
                              gboolean         summable)
{
  return add_column (table, group, label, decimals, summable, FALSE);
}

DeskReportColumn *
desk_report_table_add_text_column (DeskReportTable *table,
                                   const char      *label)
{
  return add_column (table, NULL, label, 0, FALSE, TRUE);
}

DeskReportRow *
desk_report_table_add_row (DeskReportTable *table,
                           const char      *label,
                           gboolean         is_total)
{
  DeskReportRow *row = g_new0 (DeskReportRow, 1);

  row->label = g_strdup (label);
  row->is_total = is_total;
  row->cells = g_new0 (DeskCell, table->columns->len);
  g_ptr_array_add (table->rows, row);
  return row;
}

void
desk_report_row_set_number (DeskReportRow *row,
                            guint          column,
                            gint64         value)
{
  g_clear_pointer (&row->cells[column].text, g_free);
  row->cells[column].kind = DESK_CELL_NUMBER;
  row->cells[column].value = value;
}

void
desk_report_row_set_text (DeskReportRow *row,
                          guint          column,
                          const char    *text)
{
  g_free (row->cells[column].text);
  row->cells[column].kind = text ? DESK_CELL_TEXT : DESK_CELL_EMPTY;
  row->cells[column].text = g_strdup (text);
  row->cells[column].value = 0;
}

void
desk_report_row_set_empty (DeskReportRow *row,
                           guint          column)
{
  g_clear_pointer (&row->cells[column].text, g_free);
  row->cells[column].kind = DESK_CELL_EMPTY;
  row->cells[column].value = 0;
}

DeskReportTable *
desk_report_find_table (const DeskReport *report,
                        const char       *sheet,
                        guint             block)
{
  for (guint i = 0; i < report->tables->len; i++)
    {
      DeskReportTable *table = g_ptr_array_index (report->tables, i);

      if (g_strcmp0 (table->sheet, sheet) == 0)
        {
          if (block == 0)
            return table;
          block--;
        }
    }
  return NULL;
}

int
desk_report_table_find_column (const DeskReportTable *table,
                               const char            *path)
{
  for (guint i = 0; i < table->columns->len; i++)
    if (g_strcmp0 (((DeskReportColumn *) g_ptr_array_index (table->columns, i))->path, path) == 0)
      return i;
  return -1;
}

int
desk_report_table_find_row (const DeskReportTable *table,
                            const char            *label)
{
  for (guint i = 0; i < table->rows->len; i++)
    if (g_strcmp0 (((DeskReportRow *) g_ptr_array_index (table->rows, i))->label, label) == 0)
      return i;
  return -1;
}

/**
 * desk_report_get_cell:
 *
 * Finds a figure by sheet, row label and column path, looking through every
 * block of the sheet.
 *
 * Returns: (transfer none) (nullable): the cell.
 */
const DeskCell *
desk_report_get_cell (const DeskReport *report,
                      const char       *sheet,
                      const char       *row,
                      const char       *path)
{
  for (guint b = 0;; b++)
    {
      DeskReportTable *table = desk_report_find_table (report, sheet, b);
      int r, c;

      if (table == NULL)
        return NULL;
      r = desk_report_table_find_row (table, row);
      c = desk_report_table_find_column (table, path);
      if (r >= 0 && c >= 0)
        return &((DeskReportRow *) g_ptr_array_index (table->rows, r))->cells[c];
    }
}

char *
desk_cell_to_string (const DeskCell *cell,
                     int             decimals)
{
  gint64 scale = 1;
  gint64 v, whole, frac;

  switch (cell->kind)
    {
    case DESK_CELL_EMPTY:
      return g_strdup ("");
    case DESK_CELL_TEXT:
      return g_strdup (cell->text);
    case DESK_CELL_NUMBER:
    default:
      break;
    }
  if (decimals == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, cell->value);
  for (int i = 0; i < decimals; i++)
    scale *= 10;
  v = cell->value < 0 ? -cell->value : cell->value;
  whole = v / scale;
  frac = v % scale;
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%0*" G_GINT64_FORMAT,
                          cell->value < 0 ? "-" : "", whole, decimals, frac);
}

gboolean
desk_percent_tenths (gint64  numerator,
                     gint64  denominator,
                     gint64 *tenths)
{
  gint64 n, d, q;
  gboolean negative;

  if (denominator == 0)
    return FALSE;
  negative = (numerator < 0) != (denominator < 0);
  n = (numerator < 0 ? -numerator : numerator) * 1000;
  d = denominator < 0 ? -denominator : denominator;
  /* tenths of a percent, n / d rounded half away from zero */
  q = (2 * n + d) / (2 * d);
  *tenths = negative ? -q : q;
  return TRUE;
}

void
desk_record_ref_free (DeskRecordRef *ref)
{
  if (ref == NULL)
    return;
  g_free (ref->kind);
  g_free (ref->number);
  g_free (ref->date);
  g_free (ref->description);
  g_free (ref);
}
