/* desk-report-page-sheets.c — a month's tables as grids of figures.
 *
 * Each sheet of the workbook is a page of the sheet stack: its title and
 * period as the workbook prints them, then each table as two grids side by
 * side, the row labels and the figures.  Only the figures scroll sideways,
 * so the row labels stay in view on wide tables; a size group per row keeps
 * the two grids' rows level.  Every figure is a flat button: a click or
 * Enter lists the records behind it.  Sheets are built when first shown,
 * so a month step costs one sheet, not ten.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-report-page-private.h"

#define NOTES_SHEET "填报说明"

/* Figures are found by sheet, row label and column path; a unit separator
 * cannot occur in any of them. */
char *
desk_report_figure_key (const char *sheet,
                        const char *row,
                        const char *path)
{
  return g_strjoin ("\x1f", sheet, row, path, NULL);
}

static GtkWidget *
make_cell_label (const char *text,
                 float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_widget_add_css_class (label, "cell");
  return label;
}

static GtkWidget *
make_header (const char *text,
             float       xalign)
{
  GtkWidget *label = make_cell_label (text, xalign);

  gtk_widget_add_css_class (label, "header");
  return label;
}

/* "受理 · 本月" for the path "受理/本月" */
static char *
column_title (const DeskReportColumn *column)
{
  if (column->group != NULL)
    return g_strdup_printf ("%s · %s", column->group, column->label);
  return g_strdup (column->label);
}

static GtkWidget *
make_figure (DeskReportPage         *self,
             const DeskReportTable  *table,
             const DeskReportRow    *row,
             const DeskReportColumn *column,
             const DeskCell         *cell)
{
  g_autofree char *text = desk_cell_to_string (cell, column->decimals);
  g_autofree char *title = column_title (column);
  g_autofree char *tooltip = NULL;
  GtkWidget *button, *label;

  if (column->text || cell->kind != DESK_CELL_NUMBER)
    {
      /* text (类型, 是否达标) and empty ratios: nothing to list */
      label = make_cell_label (text, column->text ? 0.0 : 1.0);
      if (!column->text)
        gtk_widget_add_css_class (label, "figure");
      if (row->is_total)
        gtk_widget_add_css_class (label, "total");
      return label;
    }

  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "numeric");
  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "cell");
  gtk_widget_add_css_class (button, "figure");
  if (row->is_total)
    gtk_widget_add_css_class (button, "total");
  tooltip = g_strdup_printf ("%s · %s", row->label, title);
  gtk_widget_set_tooltip_text (button, tooltip);

  g_object_set_data_full (G_OBJECT (button), "desk-sheet", g_strdup (table->sheet), g_free);
  g_object_set_data_full (G_OBJECT (button), "desk-row", g_strdup (row->label), g_free);
  g_object_set_data_full (G_OBJECT (button), "desk-path", g_strdup (column->path), g_free);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (desk_report_page_explain), self);

  {
    char *key = desk_report_figure_key (table->sheet, row->label, column->path);

    /* rows of the same name (two advisers called alike): the first one is
     * the one `explain` lists too */
    if (!g_hash_table_contains (self->figures, key))
      g_hash_table_insert (self->figures, key, button);
    else
      g_free (key);
  }
  return button;
}

static gboolean
has_groups (const DeskReportTable *table)
{
  for (guint c = 0; c < table->columns->len; c++)
    if (((DeskReportColumn *) g_ptr_array_index (table->columns, c))->group != NULL)
      return TRUE;
  return FALSE;
}

/* Keeps row @top of the label grid as tall as @other, a widget of the
 * figure grid that sits in that row only. */
static void
level_row (GtkGrid   *labels,
           int        top,
           GtkWidget *other)
{
  g_autoptr(GtkSizeGroup) group = gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL);
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_grid_attach (labels, spacer, 1, top, 1, 1);
  gtk_size_group_add_widget (group, spacer);
  gtk_size_group_add_widget (group, other);
}

static gboolean
sync_scrollbar (gpointer data)
{
  GtkWidget *scrollbar = data;
  GtkAdjustment *adjustment = gtk_scrollbar_get_adjustment (GTK_SCROLLBAR (scrollbar));

  g_object_set_data (G_OBJECT (scrollbar), "desk-sync", NULL);
  gtk_widget_set_visible (scrollbar, gtk_adjustment_get_upper (adjustment) -
                                     gtk_adjustment_get_lower (adjustment) >
                                     gtk_adjustment_get_page_size (adjustment) + 0.5);
  return G_SOURCE_REMOVE;
}

/* The adjustment changes while the table is allocated: show or hide the
 * scrollbar after that, not in the middle of it. */
static void
update_scrollbar (GtkAdjustment *adjustment,
                  GtkWidget     *scrollbar)
{
  if (g_object_get_data (G_OBJECT (scrollbar), "desk-sync") != NULL)
    return;
  g_object_set_data (G_OBJECT (scrollbar), "desk-sync", GINT_TO_POINTER (TRUE));
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, sync_scrollbar, g_object_ref (scrollbar),
                   g_object_unref);
}

static GtkWidget *
build_table (DeskReportPage        *self,
             const DeskReportTable *table)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *labels = gtk_grid_new ();
  GtkWidget *figures = gtk_grid_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrollbar, *spacer;
  GtkAdjustment *hadjustment;
  g_autoptr(GtkSizeGroup) bar_level = NULL;
  gboolean two_rows = !table->single_header_row && has_groups (table);
  int header_rows = two_rows ? 2 : 1;
  GtkWidget *first_group = NULL, *first_sub = NULL;
  guint n = table->columns->len;

  gtk_widget_add_css_class (box, "report-table");
  gtk_widget_add_css_class (labels, "report-grid");
  gtk_widget_add_css_class (labels, "row-labels");
  gtk_widget_add_css_class (figures, "report-grid");
  gtk_widget_add_css_class (figures, "figures");
  gtk_widget_set_halign (figures, GTK_ALIGN_START);
  gtk_widget_set_valign (left, GTK_ALIGN_START);
  gtk_widget_set_valign (right, GTK_ALIGN_START);

  gtk_grid_attach (GTK_GRID (labels), make_header (table->row_header, 0.0), 0, 0, 1,
                   header_rows);

  /* the header: a group over its columns, the labels below; a column
   * without a group spans both rows */
  for (guint c = 0; c < n;)
    {
      DeskReportColumn *column = g_ptr_array_index (table->columns, c);
      guint end = c + 1;

      if (two_rows && column->group != NULL)
        {
          GtkWidget *group;

          while (end < n &&
                 g_strcmp0 (((DeskReportColumn *) g_ptr_array_index (table->columns,
                                                                      end))->group,
                            column->group) == 0)
            end++;
          group = make_header (column->group, 0.5);
          gtk_grid_attach (GTK_GRID (figures), group, c, 0, end - c, 1);
          first_group = first_group ? first_group : group;
          for (guint i = c; i < end; i++)
            {
              DeskReportColumn *sub = g_ptr_array_index (table->columns, i);
              GtkWidget *label = make_header (sub->label, 0.5);

              gtk_grid_attach (GTK_GRID (figures), label, i, 1, 1, 1);
              first_sub = first_sub ? first_sub : label;
            }
        }
      else
        {
          gtk_grid_attach (GTK_GRID (figures), make_header (column->label, 0.5), c, 0, 1,
                           header_rows);
        }
      c = end;
    }
  if (two_rows)
    {
      level_row (GTK_GRID (labels), 0, first_group);
      level_row (GTK_GRID (labels), 1, first_sub);
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      DeskReportRow *row = g_ptr_array_index (table->rows, r);
      g_autoptr(GtkSizeGroup) level = gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL);
      GtkWidget *label = make_cell_label (row->label, 0.0);
      int top = header_rows + (int) r;

      gtk_widget_add_css_class (label, "row-label");
      if (row->is_total)
        gtk_widget_add_css_class (label, "total");
      gtk_grid_attach (GTK_GRID (labels), label, 0, top, 1, 1);
      gtk_size_group_add_widget (level, label);
      for (guint c = 0; c < n; c++)
        {
          DeskReportColumn *column = g_ptr_array_index (table->columns, c);
          GtkWidget *cell = make_figure (self, table, row, column, &row->cells[c]);

          gtk_grid_attach (GTK_GRID (figures), cell, c, top, 1, 1);
          if (c == 0)
            gtk_size_group_add_widget (level, cell);
        }
    }

  /* A wide table's scrollbar goes above its header, in view with it: the
   * bottom of a long table is often out of view, and a clerk should see
   * that there are more columns.  A spacer as tall keeps the rows level. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_EXTERNAL,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), figures);
  hadjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  scrollbar = gtk_scrollbar_new (GTK_ORIENTATION_HORIZONTAL, hadjustment);
  g_signal_connect_object (hadjustment, "changed", G_CALLBACK (update_scrollbar), scrollbar, 0);
  gtk_widget_set_visible (scrollbar, FALSE);
  spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_object_bind_property (scrollbar, "visible", spacer, "visible", G_BINDING_SYNC_CREATE);
  bar_level = gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL);
  gtk_size_group_add_widget (bar_level, spacer);
  gtk_size_group_add_widget (bar_level, scrollbar);

  gtk_box_append (GTK_BOX (left), spacer);
  gtk_box_append (GTK_BOX (left), labels);
  gtk_box_append (GTK_BOX (right), scrollbar);
  gtk_box_append (GTK_BOX (right), scroller);
  gtk_box_append (GTK_BOX (box), left);
  gtk_box_append (GTK_BOX (box), right);
  return box;
}

static GtkWidget *
make_text (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
build_notes (DeskReportPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  gtk_box_append (GTK_BOX (box), make_text (NOTES_SHEET, "title-3"));
  for (guint i = 0; i < self->report->notes->len; i++)
    {
      GtkWidget *label = make_text (g_ptr_array_index (self->report->notes, i), NULL);

      gtk_label_set_max_width_chars (GTK_LABEL (label), 80);
      gtk_box_append (GTK_BOX (box), label);
    }
  return box;
}

static GtkWidget *
build_tables (DeskReportPage *self,
              const char     *sheet)
{
  const DeskReport *report = self->report;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  DeskReportTable *table;

  for (guint b = 0; (table = desk_report_find_table (report, sheet, b)) != NULL; b++)
    {
      if (table->name != NULL)
        {
          g_autofree char *title = NULL;
          g_autofree char *period = NULL;

          title = g_strdup_printf ("%s%s司法所%d年%d月%s", report->county ? report->county : "",
                                   report->township ? report->township : "", report->year,
                                   report->month, table->name);
          period = g_strdup_printf ("填报单位：%s（盖章）　　统计期：%s 至 %s　　计量单位：%s",
                                    report->station ? report->station : "",
                                    report->first_day, report->last_day,
                                    table->units ? table->units : "");
          gtk_box_append (GTK_BOX (box), make_text (title, "title-3"));
          gtk_box_append (GTK_BOX (box), make_text (period, "dim-label"));
        }
      {
        GtkWidget *grid = build_table (self, table);

        /* one empty row before a second block, as on the sheet */
        gtk_widget_set_margin_top (grid, b == 0 ? 6 : 24);
        gtk_box_append (GTK_BOX (box), grid);
      }
    }
  return box;
}

static GtkWidget *
get_sheet_scroller (DeskReportPage *self,
                    const char     *sheet)
{
  GtkWidget *scroller = gtk_stack_get_child_by_name (self->sheets, sheet);

  if (scroller == NULL)
    {
      scroller = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_stack_add_titled (self->sheets, scroller, sheet, sheet);
    }
  return scroller;
}

/* Forgets every built sheet (a new month or new figures); the stack keeps
 * its pages, so the sheet in view stays in view. */
void
desk_report_page_clear_sheets (DeskReportPage *self)
{
  g_hash_table_remove_all (self->built);
  g_hash_table_remove_all (self->figures);

  if (self->report == NULL)
    return;
  /* one page per sheet, in the workbook's order */
  for (guint t = 0; t < self->report->tables->len; t++)
    get_sheet_scroller (self, ((DeskReportTable *) g_ptr_array_index (self->report->tables,
                                                                       t))->sheet);
  get_sheet_scroller (self, NOTES_SHEET);
}

void
desk_report_page_build_sheet (DeskReportPage *self,
                              const char     *sheet)
{
  GtkWidget *scroller, *content;

  if (self->report == NULL || sheet == NULL || g_hash_table_contains (self->built, sheet))
    return;

  scroller = get_sheet_scroller (self, sheet);
  if (g_strcmp0 (sheet, NOTES_SHEET) == 0)
    content = build_notes (self);
  else
    content = build_tables (self, sheet);
  gtk_widget_add_css_class (content, "report-sheet");
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), content);
  g_hash_table_add (self->built, g_strdup (sheet));
  desk_report_page_mark_changes (self, sheet);
}

const DeskReportColumn *
desk_report_page_find_column (DeskReportPage *self,
                              const char     *sheet,
                              const char     *path)
{
  DeskReportTable *table;

  if (self->report == NULL)
    return NULL;
  for (guint b = 0; (table = desk_report_find_table (self->report, sheet, b)) != NULL; b++)
    {
      int c = desk_report_table_find_column (table, path);

      if (c >= 0)
        return g_ptr_array_index (table->columns, c);
    }
  return NULL;
}

/**
 * desk_report_page_find_figure:
 *
 * Returns: (transfer none) (nullable): the cell that shows the figure
 *   @sheet · @row · @path of the month shown (building its sheet if need
 *   be), or %NULL when there is no such figure or it is empty.
 */
GtkWidget *
desk_report_page_find_figure (DeskReportPage *self,
                              const char     *sheet,
                              const char     *row,
                              const char     *path)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (DESK_IS_REPORT_PAGE (self), NULL);

  desk_report_page_build_sheet (self, sheet);
  key = desk_report_figure_key (sheet, row, path);
  return g_hash_table_lookup (self->figures, key);
}
