/* desk-cli-report.c — report and explain: the month's figures as text.
 *
 * `report` prints every table of the monthly forms as the workbook holds
 * them, aligned for a terminal (Chinese characters take two columns), then
 * 填报说明 and the checks before export.  `explain` lists the records
 * behind one figure.
 */
#define G_LOG_DOMAIN "legaldesk-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-cli.h"
#include "desk-date.h"
#include "desk-figures.h"

/* Terminal columns of @text: wide (CJK) characters take two. */
static int
text_width (const char *text)
{
  int width = 0;

  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

static void
pad (GString *out,
     int      n)
{
  for (int i = 0; i < n; i++)
    g_string_append_c (out, ' ');
}

typedef enum
{
  ALIGN_LEFT,
  ALIGN_RIGHT,
  ALIGN_CENTRE,
} Align;

static void
append_cell (GString    *out,
             const char *text,
             int         width,
             Align       align)
{
  int room = width - text_width (text);

  if (room < 0)
    room = 0;
  if (align == ALIGN_RIGHT)
    pad (out, room);
  else if (align == ALIGN_CENTRE)
    pad (out, room / 2);
  g_string_append (out, text);
  if (align == ALIGN_LEFT)
    pad (out, room);
  else if (align == ALIGN_CENTRE)
    pad (out, room - room / 2);
}

#define GAP 2

/* Ends a line without trailing blanks. */
static void
end_line (GString *out)
{
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
}

static void
print_table (const DeskReport      *report,
             const DeskReportTable *table)
{
  guint n = table->columns->len;
  g_autofree int *widths = g_new0 (int, n);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean groups = FALSE;
  int label_width = text_width (table->row_header);

  /* the widest of the label and the values of each column */
  for (guint c = 0; c < n; c++)
    {
      DeskReportColumn *col = g_ptr_array_index (table->columns, c);

      widths[c] = text_width (col->label);
      groups |= col->group != NULL;
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      DeskReportRow *row = g_ptr_array_index (table->rows, r);
      char **texts = g_new0 (char *, n + 1);

      label_width = MAX (label_width, text_width (row->label));
      for (guint c = 0; c < n; c++)
        {
          DeskReportColumn *col = g_ptr_array_index (table->columns, c);

          texts[c] = desk_cell_to_string (&row->cells[c], col->decimals);
          widths[c] = MAX (widths[c], text_width (texts[c]));
        }
      g_ptr_array_add (cells, texts);
    }
  /* a group label wider than its columns widens the last of them */
  for (guint c = 0; c < n;)
    {
      DeskReportColumn *col = g_ptr_array_index (table->columns, c);
      guint end = c + 1;
      int span;

      while (col->group != NULL && end < n &&
             g_strcmp0 (((DeskReportColumn *) g_ptr_array_index (table->columns, end))->group,
                        col->group) == 0)
        end++;
      if (col->group != NULL)
        {
          span = GAP * (int) (end - c - 1);
          for (guint i = c; i < end; i++)
            span += widths[i];
          if (span < text_width (col->group))
            widths[end - 1] += text_width (col->group) - span;
        }
      c = end;
    }

  if (table->name != NULL)
    {
      g_string_append_printf (out, "%s%s司法所%d年%d月%s\n",
                              report->county ? report->county : "",
                              report->township ? report->township : "",
                              report->year, report->month, table->name);
      g_string_append_printf (out, "填报单位：%s（盖章）  统计期：%s 至 %s  计量单位：%s\n\n",
                              report->station ? report->station : "", report->first_day,
                              report->last_day, table->units ? table->units : "");
    }

  /* the header: groups above their columns, then the labels */
  if (groups && !table->single_header_row)
    {
      pad (out, label_width);
      for (guint c = 0; c < n;)
        {
          DeskReportColumn *col = g_ptr_array_index (table->columns, c);
          guint end = c + 1;
          int span;

          while (col->group != NULL && end < n &&
                 g_strcmp0 (((DeskReportColumn *) g_ptr_array_index (table->columns, end))->group,
                            col->group) == 0)
            end++;
          span = GAP * (int) (end - c - 1);
          for (guint i = c; i < end; i++)
            span += widths[i];
          pad (out, GAP);
          append_cell (out, col->group ? col->group : "", span, ALIGN_CENTRE);
          c = end;
        }
      end_line (out);
    }
  append_cell (out, table->row_header, label_width, ALIGN_LEFT);
  for (guint c = 0; c < n; c++)
    {
      DeskReportColumn *col = g_ptr_array_index (table->columns, c);

      pad (out, GAP);
      append_cell (out, col->label, widths[c], col->text ? ALIGN_LEFT : ALIGN_RIGHT);
    }
  end_line (out);
  {
    int total = label_width;

    for (guint c = 0; c < n; c++)
      total += GAP + widths[c];
    for (int i = 0; i < total; i++)
      g_string_append_c (out, '-');
    g_string_append_c (out, '\n');
  }

  for (guint r = 0; r < table->rows->len; r++)
    {
      DeskReportRow *row = g_ptr_array_index (table->rows, r);
      char **texts = g_ptr_array_index (cells, r);

      append_cell (out, row->label, label_width, ALIGN_LEFT);
      for (guint c = 0; c < n; c++)
        {
          DeskReportColumn *col = g_ptr_array_index (table->columns, c);

          pad (out, GAP);
          append_cell (out, texts[c], widths[c], col->text ? ALIGN_LEFT : ALIGN_RIGHT);
        }
      end_line (out);
    }
  g_print ("%s", out->str);
}

static gboolean
parse_month (const char *text,
             int        *year,
             int        *month)
{
  g_autofree char *today = NULL;
  int y, m, d;

  if (text != NULL)
    {
      if (desk_month_parse (text, year, month))
        return TRUE;
      g_printerr (_("“%s” is not a month; write it as 2026-11.\n"), text);
      return FALSE;
    }
  /* the month before this one: the forms are due early in the next month */
  today = desk_today ();
  desk_date_to_ymd (today, &y, &m, &d);
  *year = m == 1 ? y - 1 : y;
  *month = m == 1 ? 12 : m - 1;
  return TRUE;
}

static const char *
kind_title (const char *kind)
{
  const struct
  {
    const char *kind;
    const char *title;
  } kinds[] = {
    { "consultation", N_("consultation") },
    { "mediation_case", N_("mediation case") },
    { "screening", N_("screening") },
    { "legal_aid", N_("legal-aid application") },
    { "adviser_service", N_("adviser service") },
    { "adviser", N_("adviser") },
    { "village", N_("village or community") },
    { "committee", N_("mediation committee") },
    { "mediator", N_("mediator") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].kind, kind) == 0)
      return _(kinds[i].title);
  return kind;
}

int
desk_cli_report (int    argc,
                 char **argv)
{
  g_autofree char *month_text = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(DeskReport) report = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    DESK_CLI_DATABASE_OPTION,
    { "month", 'm', 0, G_OPTION_ARG_STRING, &month_text,
      N_("The month, e.g. 2026-11 (default: last month)"), N_("YYYY-MM") },
    { NULL }
  };
  const char *last_sheet = NULL;
  int year, month;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Print the month's statistical forms."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!desk_cli_parse (context, &argc, &argv))
    return 2;
  if (argc > 1)
    return desk_cli_usage_error (_("Unexpected argument “%s”."), argv[1]);
  if (!parse_month (month_text, &year, &month))
    return 2;

  if ((store = desk_cli_open_store (DESK_STORE_OPEN_NO_CREATE)) == NULL)
    return 1;
  report = desk_figures_compute (store, year, month, &error);
  if (report == NULL)
    return desk_cli_fail (error);

  for (guint t = 0; t < report->tables->len; t++)
    {
      DeskReportTable *table = g_ptr_array_index (report->tables, t);

      if (t > 0)
        g_print ("\n");
      if (g_strcmp0 (last_sheet, table->sheet) != 0 && t > 0)
        g_print ("\n");
      last_sheet = table->sheet;
      print_table (report, table);
    }

  g_print ("\n填报说明\n");
  for (guint i = 0; i < report->notes->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (report->notes, i));

  warnings = desk_figures_check (store, year, month, &error);
  if (warnings == NULL)
    return desk_cli_fail (error);
  if (warnings->len > 0)
    g_print ("\n%s\n", _("Checks before export (warnings; they do not block the export):"));
  for (guint i = 0; i < warnings->len; i++)
    {
      DeskReportWarning *warning = g_ptr_array_index (warnings, i);

      g_print ("- %s\n", warning->message);
      for (guint j = 0; j < warning->records->len; j++)
        {
          DeskRecordRef *ref = g_ptr_array_index (warning->records, j);

          g_print ("    %s  %s  %s\n", ref->number ? ref->number : kind_title (ref->kind),
                   ref->date ? ref->date : "", ref->description ? ref->description : "");
        }
    }
  if (!desk_figures_can_export (store, &error))
    g_print ("\n%s\n", error->message);
  return 0;
}

/* The column of a figure, for its number of decimals. */
static const DeskReportColumn *
find_column (const DeskReport *report,
             const char       *sheet,
             const char       *row,
             const char       *path)
{
  for (guint b = 0;; b++)
    {
      DeskReportTable *table = desk_report_find_table (report, sheet, b);
      int c;

      if (table == NULL)
        return NULL;
      c = desk_report_table_find_column (table, path);
      if (c >= 0 && desk_report_table_find_row (table, row) >= 0)
        return g_ptr_array_index (table->columns, c);
    }
}

int
desk_cli_explain (int    argc,
                  char **argv)
{
  g_autofree char *month_text = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *row = NULL;
  g_autofree char *column = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(DeskReport) report = NULL;
  g_autoptr(GPtrArray) refs = NULL;
  g_autoptr(GArray) weights = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *figure = NULL;
  const GOptionEntry entries[] = {
    DESK_CLI_DATABASE_OPTION,
    { "month", 'm', 0, G_OPTION_ARG_STRING, &month_text,
      N_("The month, e.g. 2026-11 (default: last month)"), N_("YYYY-MM") },
    { "sheet", 's', 0, G_OPTION_ARG_STRING, &sheet, N_("The sheet, e.g. 人民调解"), N_("SHEET") },
    { "row", 'r', 0, G_OPTION_ARG_STRING, &row, N_("The row, e.g. 邻里纠纷"), N_("ROW") },
    { "column", 'c', 0, G_OPTION_ARG_STRING, &column, N_("The column, e.g. 受理/本月"),
      N_("COLUMN") },
    { NULL }
  };
  const DeskReportColumn *col;
  int year, month;
  int number_width = 0, date_width = 0;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("List the records behind one figure of the month's "
                                           "forms."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!desk_cli_parse (context, &argc, &argv))
    return 2;
  if (argc > 1)
    return desk_cli_usage_error (_("Unexpected argument “%s”."), argv[1]);
  if (sheet == NULL || row == NULL || column == NULL)
    return desk_cli_usage_error (_("Name the figure with --sheet, --row and --column."));
  if (!parse_month (month_text, &year, &month))
    return 2;

  if ((store = desk_cli_open_store (DESK_STORE_OPEN_NO_CREATE)) == NULL)
    return 1;
  refs = desk_figures_explain_values (store, year, month, sheet, row, column, &weights, &error);
  if (refs == NULL)
    return desk_cli_fail (error);
  report = desk_figures_compute (store, year, month, &error);
  if (report == NULL)
    return desk_cli_fail (error);

  col = find_column (report, sheet, row, column);
  figure = desk_cell_to_string (desk_report_get_cell (report, sheet, row, column),
                                col ? col->decimals : 0);
  g_print ("%s · %s · %s：%s\n", sheet, row, column, *figure ? figure : "—");
  if (refs->len == 0)
    {
      g_print ("%s\n", _("No records are behind this figure."));
      return 0;
    }

  for (guint i = 0; i < refs->len; i++)
    {
      DeskRecordRef *ref = g_ptr_array_index (refs, i);

      number_width = MAX (number_width, text_width (ref->number ? ref->number
                                                                : kind_title (ref->kind)));
      date_width = MAX (date_width, text_width (ref->date ? ref->date : ""));
    }
  for (guint i = 0; i < refs->len; i++)
    {
      DeskRecordRef *ref = g_ptr_array_index (refs, i);
      gint64 weight = g_array_index (weights, gint64, i);
      g_autoptr(GString) line = g_string_new (NULL);

      append_cell (line, ref->number ? ref->number : kind_title (ref->kind), number_width,
                   ALIGN_LEFT);
      pad (line, GAP);
      append_cell (line, ref->date ? ref->date : "", date_width, ALIGN_LEFT);
      pad (line, GAP);
      g_string_append (line, ref->description ? ref->description : "");
      /* what a record adds to a sum (a count adds one each) */
      if (col != NULL && col->summable && (weight != 1 || col->decimals > 0))
        {
          DeskCell cell = { DESK_CELL_NUMBER, weight, NULL };
          g_autofree char *value = desk_cell_to_string (&cell, col->decimals);

          g_string_append_printf (line, _(" (adds %s)"), value);
        }
      g_print ("%s\n", line->str);
    }
  g_print (_("%u records.\n"), refs->len);
  return 0;
}
