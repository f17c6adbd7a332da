/* test-report-page.c — the 统计月报 page in the real window, under a virtual
 * display.
 *
 * A small ledger: three consultations (two in November 2026, one in
 * October) written through the core API, and a successful mediation case
 * without agreement form (plain SQL), which the checks before export name.
 * "Today" is 2026-12-03, so the page opens on November.  The workbook is
 * exported through report.export-to, which takes the path the file chooser
 * would give.
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "desk-application.h"
#include "desk-codes.h"
#include "desk-consultation.h"
#include "desk-consultation-editor.h"
#include "desk-history.h"
#include "desk-preferences-window.h"
#include "desk-register.h"
#include "desk-report-page-private.h"
#include "desk-settings.h"
#include "desk-test-gui.h"
#include "desk-test-util.h"
#include "desk-window.h"
#include "desk-xlsx.h"

static DeskApplication *app;

static gint64
add_consultation (DeskStore  *store,
                  gint64      staff_id,
                  const char *at,
                  const char *channel,
                  const char *category,
                  const char *result,
                  int         companions)
{
  g_autoptr(DeskConsultation) consultation = desk_consultation_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  consultation->at = g_strdup (at);
  consultation->staff_id = staff_id;
  consultation->channel_id = desk_codes_lookup (store, DESK_CODE_CHANNEL, channel, &error);
  g_assert_no_error (error);
  consultation->category_id = desk_codes_lookup (store, DESK_CODE_CONSULT_CATEGORY, category,
                                                 &error);
  g_assert_no_error (error);
  consultation->result_id = desk_codes_lookup (store, DESK_CODE_CONSULT_RESULT, result, &error);
  g_assert_no_error (error);
  consultation->companions = companions;
  consultation->content = g_strdup ("询问法律问题");
  id = desk_consultation_create (store, consultation, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

typedef struct
{
  gint64 consult_nov_2;    /* ZX2026-0001, 2026-11-02, 2 visitors */
  gint64 consult_nov_15;   /* ZX2026-0002 */
  gint64 consult_oct;      /* ZX2026-0003, October */
  gint64 case_id;          /* successful, no agreement form */
} Ledger;

/* Writes the test ledger @name; the station settings only when @station. */
static char *
make_ledger (const char *name,
             gboolean    station,
             Ledger     *ledger)
{
  g_autoptr(DeskStore) store = desk_test_open_store (name);
  g_autoptr(DeskStaff) staff = desk_staff_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_settings_set (store, "county", "青山县", &error));
  g_assert_true (desk_settings_set (store, "township", "青山镇", &error));
  if (station)
    g_assert_true (desk_settings_set (store, "station", "青山镇司法所", &error));
  g_assert_no_error (error);

  staff->name = g_strdup ("赵红");
  g_assert_cmpint (desk_staff_create (store, staff, &error), >, 0);
  g_assert_no_error (error);

  ledger->consult_nov_2 = add_consultation (store, staff->id, "2026-11-02 09:00", "来访",
                                            "婚姻家庭", "当场解答", 2);
  ledger->consult_nov_15 = add_consultation (store, staff->id, "2026-11-15 14:00", "来电",
                                             "婚姻家庭", "约期答复", 1);
  ledger->consult_oct = add_consultation (store, staff->id, "2026-10-20 10:00", "来访", "继承",
                                          "当场解答", 1);

  desk_test_exec (store,
                  "INSERT INTO committees (id, name, short_name, type_id, created_at, updated_at)"
                  " VALUES (1, '青山镇人民调解委员会', '青山',"
                  " (SELECT id FROM codes WHERE kind = 'committee_type' AND label = '乡镇调委会'),"
                  " '2026-01-01 00:00:00', '2026-01-01 00:00:00');"
                  "INSERT INTO mediation_cases (id, number, year, seq, committee_id, accepted_on,"
                  " source_id, dispute_type_id, party_count, status, closed_on, created_at,"
                  " updated_at) VALUES (7, '（2026）青山人调字第1号', 2026, 1, 1, '2026-11-05',"
                  " (SELECT id FROM codes WHERE kind = 'case_source' AND label = '当事人申请'),"
                  " (SELECT id FROM codes WHERE kind = 'dispute_type' AND label = '邻里纠纷'),"
                  " 2, '调解成功', '2026-11-20', '2026-01-01 00:00:00',"
                  " '2026-01-01 00:00:00');");
  ledger->case_id = 7;
  return desk_test_path (name);
}

/* Whether a label under @root reads @text (or begins so, with @prefix). */
static gboolean
shows_text (GtkWidget  *root,
            const char *text,
            gboolean    prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) &&
          (prefix ? g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child)), text)
                  : g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0))
        return TRUE;
      if (shows_text (child, text, prefix))
        return TRUE;
    }
  return FALSE;
}

static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  return shows_text (root, text, FALSE);
}

static void
wait_for_figures (DeskReportPage *page)
{
  while (desk_report_page_get_busy (page))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Activates @cell as Enter does (GtkButton emits "clicked" once its
 * pressed look has shown) and waits for the records behind it. */
static void
explain_figure (DeskReportPage *page,
                GtkWidget      *cell)
{
  g_assert_nonnull (cell);
  gtk_popover_popdown (page->explain_popover);
  gtk_stack_set_visible_child_name (page->sheets,
                                    g_object_get_data (G_OBJECT (cell), "desk-sheet"));
  while (!gtk_widget_get_mapped (cell))
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_activate (cell);
  while (!gtk_widget_get_visible (GTK_WIDGET (page->explain_popover)))
    g_main_context_iteration (NULL, TRUE);
  while (page->explain_cancellable != NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* The text of the figure's cell; NULL when there is no cell to activate. */
static const char *
figure_text (DeskReportPage *page,
             const char     *sheet,
             const char     *row,
             const char     *path)
{
  GtkWidget *cell = desk_report_page_find_figure (page, sheet, row, path);

  if (cell == NULL)
    return NULL;
  return gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (cell))));
}

static DeskWindow *
open_report (const char      *path,
             DeskReportPage **page)
{
  DeskWindow *window = desk_window_new (app, path);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (desk_window_get_mode (window), ==, "main");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "report"));
  g_assert_cmpstr (desk_window_get_page (window), ==, "report");
  *page = DESK_REPORT_PAGE (find_descendant (GTK_WIDGET (window),
                                            DESK_TYPE_REPORT_PAGE, NULL));
  g_assert_nonnull (*page);
  while (!gtk_widget_get_mapped (GTK_WIDGET (*page)))
    g_main_context_iteration (NULL, TRUE);
  wait_for_figures (*page);
  return window;
}

typedef struct
{
  char   *kind;
  gint64  id;
  guint   count;
} Opened;

static void
record_opened (DeskReportPage *page,
               const char     *kind,
               gint64          id,
               Opened         *opened)
{
  g_free (opened->kind);
  opened->kind = g_strdup (kind);
  opened->id = id;
  opened->count++;
}

/* The page opens on last month and shows each figure in its cell, under
 * the sheet's title. */
static void
test_figures_in_cells (void)
{
  Ledger ledger;
  g_autofree char *path = make_ledger ("figures.db", TRUE, &ledger);
  DeskReportPage *page;
  DeskWindow *window = open_report (path, &page);
  int year, month;

  desk_report_page_get_month (page, &year, &month);
  g_assert_cmpint (year, ==, 2026);
  g_assert_cmpint (month, ==, 11);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (page->month_entry)), ==, "2026-11");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->content_stack), ==, "sheets");

  /* every sheet of the workbook, in its order, then 填报说明 */
  {
    const char *sheets[] = { "汇总", "人民调解", "调解来源", "调委会", "排查防激化", "法律咨询",
                             "法律援助", "受援人类别", "法律顾问", "填报说明" };
    GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (page->sheets));

    for (guint i = 0; i < G_N_ELEMENTS (sheets); i++, child = gtk_widget_get_next_sibling (child))
      {
        g_assert_nonnull (child);
        g_assert_cmpstr (gtk_stack_page_get_name (gtk_stack_get_page (page->sheets, child)), ==,
                         sheets[i]);
      }
    g_assert_null (child);
  }

  g_assert_cmpstr (figure_text (page, "法律咨询", "婚姻家庭", "咨询(件)/本月"), ==, "2");
  g_assert_cmpstr (figure_text (page, "法律咨询", "婚姻家庭", "咨询(人次)/本月"), ==, "3");
  g_assert_cmpstr (figure_text (page, "法律咨询", "继承", "咨询(件)/本月"), ==, "0");
  g_assert_cmpstr (figure_text (page, "法律咨询", "继承", "咨询(件)/本年累计"), ==, "1");
  g_assert_cmpstr (figure_text (page, "法律咨询", "合计", "咨询(件)/本年累计"), ==, "3");
  g_assert_cmpstr (figure_text (page, "法律咨询", "合计", "按渠道(本月)/来电"), ==, "1");
  g_assert_cmpstr (figure_text (page, "汇总", "法律咨询(件)", "本月"), ==, "2");
  g_assert_cmpstr (figure_text (page, "汇总", "法律咨询(件)", "上月"), ==, "1");
  g_assert_cmpstr (figure_text (page, "汇总", "法律咨询(件)", "环比(%)"), ==, "100.0");
  g_assert_cmpstr (figure_text (page, "人民调解", "邻里纠纷", "调解成功/本月"), ==, "1");
  g_assert_cmpstr (figure_text (page, "人民调解", "合计", "成功率(%)/本月"), ==, "100.0");
  g_assert_cmpstr (figure_text (page, "人民调解", "合计", "协议金额(元)/本月"), ==, "0.00");
  /* 0/0 is left empty: no figure to activate */
  g_assert_null (desk_report_page_find_figure (page, "汇总", "法律咨询(件)", "同比(%)"));
  g_assert_null (desk_report_page_find_figure (page, "法律咨询", "婚姻家庭", "无此列"));

  /* the 合计 row is bold, figures are right-aligned in tabular digits */
  {
    GtkWidget *total = desk_report_page_find_figure (page, "法律咨询", "合计", "咨询(件)/本月");
    GtkWidget *label = gtk_button_get_child (GTK_BUTTON (total));

    g_assert_true (gtk_widget_has_css_class (total, "total"));
    g_assert_true (gtk_widget_has_css_class (label, "numeric"));
    g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (label)), ==, 1.0);
  }

  /* the title of the sheet as the workbook prints it */
  gtk_stack_set_visible_child_name (page->sheets, "法律咨询");
  g_assert_true (shows_label (GTK_WIDGET (page->sheets),
                              "青山县青山镇司法所2026年11月法律咨询登记统计表"));
  g_assert_true (shows_label (GTK_WIDGET (page->sheets), "咨询(件)"));
  g_assert_true (shows_label (GTK_WIDGET (page->sheets), "按渠道(本月)"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Previous and next month, and a month typed in: each recomputes. */
static void
test_step_months (void)
{
  Ledger ledger;
  g_autofree char *path = make_ledger ("months.db", TRUE, &ledger);
  DeskReportPage *page;
  DeskWindow *window = open_report (path, &page);
  int year, month;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.previous-month", NULL));
  g_assert_true (desk_report_page_get_busy (page));
  /* November's figures are still in view: not to be exported as October's */
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (page->export_button)));
  wait_for_figures (page);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (page->export_button)));
  desk_report_page_get_month (page, &year, &month);
  g_assert_cmpint (month, ==, 10);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (page->month_entry)), ==, "2026-10");
  g_assert_cmpstr (figure_text (page, "法律咨询", "婚姻家庭", "咨询(件)/本月"), ==, "0");
  g_assert_cmpstr (figure_text (page, "法律咨询", "继承", "咨询(件)/本月"), ==, "1");
  g_assert_cmpstr (figure_text (page, "汇总", "法律咨询(件)", "本月"), ==, "1");
  gtk_stack_set_visible_child_name (page->sheets, "法律咨询");
  g_assert_true (shows_label (GTK_WIDGET (page->sheets),
                              "青山县青山镇司法所2026年10月法律咨询登记统计表"));

  /* two steps at once: the first computation is cancelled, the second shown */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.next-month", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.next-month", NULL));
  wait_for_figures (page);
  desk_report_page_get_month (page, &year, &month);
  g_assert_cmpint (month, ==, 12);
  g_assert_cmpstr (figure_text (page, "汇总", "法律咨询(件)", "本月"), ==, "0");
  g_assert_cmpstr (figure_text (page, "汇总", "法律咨询(件)", "上月"), ==, "2");

  /* across the year */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.next-month", NULL));
  wait_for_figures (page);
  desk_report_page_get_month (page, &year, &month);
  g_assert_cmpint (year, ==, 2027);
  g_assert_cmpint (month, ==, 1);
  g_assert_cmpstr (figure_text (page, "法律咨询", "合计", "咨询(件)/本年累计"), ==, "0");

  /* typed: "2026年11月" and "2026-10" are months; "2026-13" is not */
  gtk_editable_set_text (GTK_EDITABLE (page->month_entry), "2026年11月");
  g_signal_emit_by_name (page->month_entry, "activate");
  wait_for_figures (page);
  desk_report_page_get_month (page, &year, &month);
  g_assert_cmpint (year, ==, 2026);
  g_assert_cmpint (month, ==, 11);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (page->month_entry)), ==, "2026-11");
  g_assert_cmpstr (figure_text (page, "法律咨询", "婚姻家庭", "咨询(件)/本月"), ==, "2");

  gtk_editable_set_text (GTK_EDITABLE (page->month_entry), "2026-13");
  g_signal_emit_by_name (page->month_entry, "activate");
  g_assert_false (desk_report_page_get_busy (page));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (page->month_entry), "error"));
  desk_report_page_get_month (page, &year, &month);
  g_assert_cmpint (month, ==, 11);

  /* a record added elsewhere shows after a reload (F5) */
  {
    g_autoptr(DeskStore) store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, NULL);

    add_consultation (store, 1, "2026-11-30 16:00", "来访", "婚姻家庭", "当场解答", 1);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.reload", NULL));
  wait_for_figures (page);
  g_assert_cmpstr (figure_text (page, "法律咨询", "婚姻家庭", "咨询(件)/本月"), ==, "3");

  gtk_window_destroy (GTK_WINDOW (window));
}

static DeskConsultationEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (DESK_IS_CONSULTATION_EDITOR (toplevel))
        return DESK_CONSULTATION_EDITOR (toplevel);
    }
  return NULL;
}

/* A figure lists the records behind it; a record listed opens. */
static void
test_records_behind_figure (void)
{
  Ledger ledger;
  g_autofree char *path = make_ledger ("explain.db", TRUE, &ledger);
  DeskReportPage *page;
  DeskWindow *window = open_report (path, &page);
  Opened opened = { NULL, 0, 0 };
  GtkWidget *cell, *row, *child;
  g_autofree char *described = NULL;
  guint n = 0;

  g_signal_connect (page, "open-record", G_CALLBACK (record_opened), &opened);

  cell = desk_report_page_find_figure (page, "法律咨询", "婚姻家庭", "咨询(件)/本月");
  explain_figure (page, cell);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->explain_stack), ==, "records");
  g_assert_cmpstr (gtk_label_get_text (page->explain_title), ==,
                   "法律咨询 · 婚姻家庭 · 咨询(件)/本月：2");
  for (child = gtk_widget_get_first_child (GTK_WIDGET (page->explain_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  g_assert_cmpuint (n, ==, 2);
  /* in date order, with number and date */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (page->explain_list, 0));
  g_assert_true (shows_label (row, "ZX2026-0001"));
  g_assert_true (shows_label (row, "2026-11-02 09:00"));
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (page->explain_list, 1));
  g_assert_true (shows_label (row, "ZX2026-0002"));
  g_assert_cmpstr (gtk_label_get_text (page->explain_footer), ==, "共 2 条记录。");

  gtk_widget_activate (row);
  g_assert_cmpuint (opened.count, ==, 1);
  g_assert_cmpstr (opened.kind, ==, "consultation");
  g_assert_cmpint (opened.id, ==, ledger.consult_nov_15);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->explain_popover)));
  described = desk_report_page_describe_record (page, "consultation", ledger.consult_nov_15);
  g_assert_cmpstr (described, ==, "咨询登记 ZX2026-0002");
  /* the window opens it in the consultation editor */
  {
    DeskConsultationEditor *editor = find_editor ();

    g_assert_nonnull (editor);
    g_assert_cmpint (desk_consultation_editor_get_consultation_id (editor), ==,
                     ledger.consult_nov_15);
    g_assert_cmpstr (desk_consultation_editor_get_number (editor), ==, "ZX2026-0002");
    gtk_window_destroy (GTK_WINDOW (editor));
  }

  /* a sum shows what each record adds */
  cell = desk_report_page_find_figure (page, "法律咨询", "婚姻家庭", "咨询(人次)/本月");
  explain_figure (page, cell);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (page->explain_list, 0));
  g_assert_true (shows_label (row, "+2"));

  /* a figure of 0 has no records */
  cell = desk_report_page_find_figure (page, "法律咨询", "继承", "咨询(件)/本月");
  explain_figure (page, cell);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->explain_stack), ==, "message");
  g_assert_cmpstr (gtk_label_get_text (page->explain_message), ==, "这个数字没有对应的记录。");

  g_free (opened.kind);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The successful case without agreement form is named by the checks, and
 * opens from there. */
static void
test_check_warning (void)
{
  Ledger ledger;
  g_autofree char *path = make_ledger ("checks.db", TRUE, &ledger);
  DeskReportPage *page;
  DeskWindow *window = open_report (path, &page);
  Opened opened = { NULL, 0, 0 };
  GtkWidget *list;
  GtkListBoxRow *row;

  g_signal_connect (page, "open-record", G_CALLBACK (record_opened), &opened);

  g_assert_true (gtk_widget_get_visible (page->checks_bar));
  g_assert_cmpstr (gtk_label_get_text (page->checks_label), ==,
                   "导出前检查：1 条提醒。提醒不影响导出。");
  g_assert_false (gtk_widget_get_visible (page->blocked_bar));
  g_assert_true (shows_text (GTK_WIDGET (page->checks_list),
                             "调解成功但缺少协议形式或协议涉及金额的案件：", TRUE));
  list = find_descendant (GTK_WIDGET (page->checks_list), GTK_TYPE_LIST_BOX, NULL);
  g_assert_nonnull (list);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_assert_true (shows_label (GTK_WIDGET (row), "（2026）青山人调字第1号"));
  g_assert_true (shows_label (GTK_WIDGET (row), "2026-11-20"));

  gtk_widget_activate (GTK_WIDGET (row));
  g_assert_cmpuint (opened.count, ==, 1);
  g_assert_cmpstr (opened.kind, ==, "mediation_case");
  g_assert_cmpint (opened.id, ==, ledger.case_id);

  /* October has no such case: no checks shown */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.previous-month", NULL));
  wait_for_figures (page);
  g_assert_false (gtk_widget_get_visible (page->checks_bar));

  g_free (opened.kind);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
wait_for_export (DeskReportPage *page)
{
  while (page->exporting || desk_report_page_get_busy (page))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

static void
assert_xlsx (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  /* a workbook is a zip archive */
  g_assert_cmpmem (contents, 4, "PK\x03\x04", 4);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* Export writes the workbook and records it; a second export to the same
 * file asks first; a figure that moves afterwards is named, and the
 * corrected workbook clears it. */
static void
test_export (void)
{
  Ledger ledger;
  g_autofree char *path = make_ledger ("export.db", TRUE, &ledger);
  g_autofree char *folder = desk_test_path ("sent");
  g_autofree char *file = NULL;
  g_autofree char *corrected_file = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *hash_line = NULL;
  g_autofree char *last_folder = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(DeskExport) last = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  DeskReportPage *page;
  DeskWindow *window = open_report (path, &page);
  AdwMessageDialog *dialog;
  GtkWidget *cell;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  file = g_build_filename (folder, "青山镇司法所_2026年11月_统计月报.xlsx", NULL);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->export_button)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (page->export_button)));
  g_assert_cmpstr (gtk_label_get_text (page->status_label), ==, "尚未导出");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->history_button)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.export-to", "(sb)",
                                             file, FALSE));
  g_assert_true (page->exporting);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (page->export_button)));
  wait_for_export (page);
  assert_xlsx (file);
  last_folder = g_settings_get_string (settings, "last-export-folder");
  g_assert_cmpstr (last_folder, ==, folder);

  /* the history of the month: one export, with its file and hash */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->history_button)));
  g_assert_cmpstr (gtk_menu_button_get_label (page->history_button), ==, "导出 1 次");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (page->status_label), "已于 "));
  g_assert_cmpuint (count_rows (page->history_list), ==, 1);
  sha = desk_history_file_sha256 (file, &error);
  g_assert_no_error (error);
  hash_line = g_strdup_printf ("青山镇司法所_2026年11月_统计月报.xlsx\nSHA-256 %.12s…", sha);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                     gtk_list_box_get_row_at_index (page->history_list, 0))), ==, hash_line);
  g_assert_false (gtk_widget_get_visible (page->changed_bar));

  /* the same file again: asked first; cancelling writes nothing */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.export-to", "(sb)",
                                             file, FALSE));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "替换“青山镇司法所_2026年11月_统计月报.xlsx”？");
  g_assert_false (page->exporting);
  adw_message_dialog_response (dialog, "cancel");
  wait_for_export (page);
  g_assert_cmpuint (count_rows (page->history_list), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.export-to", "(sb)",
                                             file, FALSE));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "replace");
  g_assert_true (page->exporting);
  wait_for_export (page);
  g_assert_cmpuint (count_rows (page->history_list), ==, 2);
  g_assert_cmpstr (gtk_menu_button_get_label (page->history_button), ==, "导出 2 次");
  assert_xlsx (file);

  /* a consultation added after the export moves two figures of the sheet */
  store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  add_consultation (store, 1, "2026-11-30 16:00", "来访", "婚姻家庭", "当场解答", 1);
  desk_report_page_reload (page);
  wait_for_figures (page);
  g_assert_true (gtk_widget_get_visible (page->changed_bar));
  {
    const char *text = gtk_label_get_text (page->changed_label);

    /* the first three, in the workbook's order, then how many more */
    g_assert_true (g_str_has_prefix (text, "有 18 项数字在 "));
    g_assert_nonnull (strstr (text, "导出后发生了变动（表中已用底色标出）：\n"
                                    "汇总 · 法律咨询(件) · 本月：2 → 3；"
                                    "汇总 · 法律咨询(件) · 环比(%)：100.0 → 200.0；"
                                    "汇总 · 法律咨询(件) · 本年累计：3 → 4；另有 15 项。"));
  }
  cell = desk_report_page_find_figure (page, "法律咨询", "婚姻家庭", "咨询(件)/本月");
  g_assert_true (gtk_widget_has_css_class (cell, "changed"));
  g_assert_false (gtk_widget_has_css_class (desk_report_page_find_figure (page, "法律咨询",
                                                                           "继承",
                                                                           "咨询(件)/本月"),
                                            "changed"));

  /* the corrected workbook: （更正） in its name, and the warning goes */
  corrected_file = g_build_filename (folder, "青山镇司法所_2026年11月_统计月报（更正）.xlsx",
                                     NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.export-to", "(sb)",
                                             corrected_file, TRUE));
  wait_for_export (page);
  assert_xlsx (corrected_file);
  g_assert_false (gtk_widget_get_visible (page->changed_bar));
  g_assert_cmpuint (count_rows (page->history_list), ==, 3);
  last = desk_history_last (store, 2026, 11, &error);
  g_assert_no_error (error);
  g_assert_true (last->corrected);
  g_assert_cmpstr (last->file_name, ==, "青山镇司法所_2026年11月_统计月报（更正）.xlsx");
  g_assert_cmpstr (last->exported_by, ==, g_get_user_name ());
  g_assert_true (g_str_has_prefix (gtk_label_get_text (page->status_label), "已于 "));
  g_assert_true (strstr (gtk_label_get_text (page->status_label), "更正") != NULL);

  /* once corrected, a month stays corrected: the plain request is too */
  {
    g_autofree char *again = g_build_filename (folder, "again.xlsx", NULL);
    g_autoptr(DeskExport) latest = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.export-to", "(sb)",
                                               again, FALSE));
    wait_for_export (page);
    latest = desk_history_last (store, 2026, 11, &error);
    g_assert_true (latest->corrected);
  }

  /* another month has its own history */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.previous-month", NULL));
  wait_for_figures (page);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->history_button)));
  g_assert_cmpstr (gtk_label_get_text (page->status_label), ==, "尚未导出");

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWindow *
find_preferences (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (DESK_IS_PREFERENCES_WINDOW (toplevel))
        return GTK_WINDOW (toplevel);
    }
  return NULL;
}

/* Without the station's name the workbook cannot be made: the page says
 * why, and still shows the figures. */
static void
test_blocked_export (void)
{
  Ledger ledger;
  g_autofree char *path = make_ledger ("blocked.db", FALSE, &ledger);
  DeskReportPage *page;
  DeskWindow *window = open_report (path, &page);

  g_assert_true (gtk_widget_get_visible (page->blocked_bar));
  g_assert_cmpstr (gtk_label_get_text (page->blocked_label), ==,
                   "暂不能导出统计月报：请先设置本所的站名。");
  g_assert_cmpstr (figure_text (page, "法律咨询", "婚姻家庭", "咨询(件)/本月"), ==, "2");

  /* nothing to export: the button and the action are off */
  {
    g_autofree char *file = desk_test_path ("blocked.xlsx");

    g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (page->export_button)));
    gtk_widget_activate_action (GTK_WIDGET (page), "report.export-to", "(sb)", file, FALSE);
    g_assert_false (page->exporting);
    g_assert_null (find_message_dialog ());
    wait_for_export (page);
    g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
  }

  /* the button beside the reason opens the preferences */
  g_assert_true (gtk_widget_get_visible (page->preferences_button));
  g_assert_null (find_preferences ());
  gtk_widget_activate (page->preferences_button);
  while (find_preferences () == NULL || !gtk_widget_get_mapped (GTK_WIDGET (find_preferences ())))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  gtk_window_destroy (find_preferences ());

  /* a page in a window without preferences has no button leading nowhere */
  {
    GtkWidget *bare = gtk_window_new ();
    DeskReportPage *lone = DESK_REPORT_PAGE (desk_report_page_new ());
    g_autoptr(DeskStore) store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, NULL);

    gtk_window_set_default_size (GTK_WINDOW (bare), 1000, 700);
    gtk_window_set_child (GTK_WINDOW (bare), GTK_WIDGET (lone));
    gtk_window_present (GTK_WINDOW (bare));
    desk_report_page_set_store (lone, store);
    wait_for_figures (lone);
    g_assert_true (gtk_widget_get_visible (lone->blocked_bar));
    g_assert_false (gtk_widget_get_visible (lone->preferences_button));
    gtk_window_destroy (GTK_WINDOW (bare));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A ledger the worker cannot read: the page says why, shows no figures
 * and exports nothing. */
static void
test_unreadable_ledger (void)
{
  Ledger ledger;
  g_autofree char *path = make_ledger ("gone.db", TRUE, &ledger);
  g_autoptr(DeskStore) store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, NULL);
  GtkWidget *window = gtk_window_new ();
  DeskReportPage *page = DESK_REPORT_PAGE (desk_report_page_new ());
  g_autofree char *moved = g_strconcat (path, ".moved", NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  desk_report_page_set_store (page, store);
  wait_for_figures (page);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->content_stack), ==, "sheets");

  /* the file is taken away under the open ledger */
  g_assert_cmpint (g_rename (path, moved), ==, 0);
  desk_report_page_reload (page);
  wait_for_figures (page);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->content_stack), ==, "error");
  g_assert_nonnull (adw_status_page_get_description (page->error_status));
  g_assert_null (desk_report_page_find_figure (page, "汇总", "法律咨询(件)", "本月"));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (page->export_button)));
  g_assert_false (gtk_widget_get_visible (page->checks_bar));
  g_assert_cmpstr (gtk_label_get_text (page->status_label), ==, "");

  /* back: the figures come back */
  g_assert_cmpint (g_rename (moved, path), ==, 0);
  desk_report_page_reload (page);
  wait_for_figures (page);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->content_stack), ==, "sheets");
  g_assert_cmpstr (figure_text (page, "汇总", "法律咨询(件)", "本月"), ==, "2");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* November 2026 is reported early in December */
  g_setenv ("LEGALDESK_TODAY", "2026-12-03", TRUE);
  app = start_app (&argc, &argv);
  if (app == NULL)
    return 0;

  g_test_add_func ("/report-page/figures-in-cells", test_figures_in_cells);
  g_test_add_func ("/report-page/step-months", test_step_months);
  g_test_add_func ("/report-page/records-behind-figure", test_records_behind_figure);
  g_test_add_func ("/report-page/check-warning", test_check_warning);
  g_test_add_func ("/report-page/export", test_export);
  g_test_add_func ("/report-page/blocked-export", test_blocked_export);
  g_test_add_func ("/report-page/unreadable-ledger", test_unreadable_ledger);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
