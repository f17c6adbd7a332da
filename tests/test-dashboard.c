/* test-dashboard.c — the 工作台 page in the real window under a virtual
 * display, on a ledger built for it (today is Monday 2026-11-23, with a
 * holiday on Thursday 2026-11-19): what is due shows with the right
 * numbers, each item opens its record, the counts are the 汇总 sheet's, and
 * an empty ledger says that nothing is due. */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "desk-adviser.h"
#include "desk-application.h"
#include "desk-codes.h"
#include "desk-consultation.h"
#include "desk-dashboard-page.h"
#include "desk-figures.h"
#include "desk-history.h"
#include "desk-legal-aid.h"
#include "desk-mediation.h"
#include "desk-settings.h"
#include "desk-test-gui.h"
#include "desk-test-util.h"
#include "desk-window.h"

static DeskApplication *app;

typedef struct
{
  DeskWindow        *window;
  DeskStore         *store;        /* the window's */
  DeskDashboardPage *page;
  gint64             overdue;      /* accepted 2026-10-01, open: 23 days over */
  gint64             in_time;      /* accepted 2026-11-01, open */
  gint64             visit_due;    /* 调解成功 2026-11-01, no visit: 7 days late */
  gint64             visit_later;  /* 调解成功 2026-11-20 */
  gint64             visited;      /* 调解成功 2026-09-15, visited */
  gint64             failed;       /* 调解不成功, accepted 2026-08-01 */
  gint64             deleted;      /* overdue, but deleted */
  gint64             aid_late;     /* received Mon 2026-11-16: 4 working days */
  gint64             aid_today;    /* received Tue 2026-11-17, 材料待补: 3 */
  gint64             aid_new;      /* received Fri 2026-11-20: 1 */
  gint64             aid_forwarded;
  gint64             aid_withdrawn;
  gint64             short_adviser;  /* 1 on-site service of 2 hours */
  gint64             good_adviser;   /* 2 on-site services, 5 hours */
} Fixture;

/* Widgets and the main loop */

/* Whether a label showing @text is somewhere under @root (a toast). */
static gboolean
shows_label_containing (GtkWidget  *root,
                        const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL)
        return TRUE;
      if (shows_label_containing (child, text))
        return TRUE;
    }
  return FALSE;
}

static const char *
label_text (gpointer    root,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (named (root, name)));
}

static void
wait_page (DeskDashboardPage *page)
{
  iterate ();
  while (desk_dashboard_page_get_busy (page))
    g_main_context_iteration (NULL, TRUE);
  iterate ();
}

static void
wait_loaded (Fixture *f)
{
  wait_page (f->page);
}

static void
reload (Fixture *f)
{
  desk_dashboard_page_reload (f->page);
  wait_loaded (f);
}

/* The row of an item: "case-overdue-12". */
static AdwActionRow *
page_row (DeskDashboardPage *page,
          const char        *group,
          gint64             id)
{
  g_autofree char *name = g_strdup_printf ("%s-%" G_GINT64_FORMAT, group, id);

  return ADW_ACTION_ROW (named (page, name));
}

static AdwActionRow *
item_row (Fixture    *f,
          const char *group,
          gint64      id)
{
  return page_row (f->page, group, id);
}

static gboolean
has_item (Fixture    *f,
          const char *group,
          gint64      id)
{
  g_autofree char *name = g_strdup_printf ("%s-%" G_GINT64_FORMAT, group, id);

  return find_named (GTK_WIDGET (f->page), name) != NULL;
}

static const char *
row_title (AdwActionRow *row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static const char *
row_status (AdwActionRow *row)
{
  return label_text (row, "status");
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text, part);
}

/* The rows of a group, the "more" row included, in order. */
static guint
group_rows (Fixture    *f,
            const char *group,
            GtkWidget **first)
{
  GtkWidget *list = find_type (named (f->page, group), GTK_TYPE_LIST_BOX);
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n) != NULL)
    n++;
  if (first != NULL)
    *first = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  return n;
}

static const char *
group_title (Fixture    *f,
             const char *group)
{
  return adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (named (f->page, group)));
}

/* The ledger */

static gint64
query_id (DeskStore  *store,
          const char *sql)
{
  gint64 id = desk_test_query_int (store, sql);

  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
code (DeskStore  *store,
      const char *kind,
      const char *label)
{
  gint64 id = desk_codes_find (store, kind, label);

  g_assert_cmpint (id, >, 0);
  return id;
}

static void
add_registers (DeskStore *store)
{
  g_autoptr(GError) error = NULL;

  desk_test_exec (store,
    "INSERT INTO villages (name, kind, created_at, updated_at) VALUES"
    " ('东坪村', '村', '2026-01-01 08:00:00', '2026-01-01 08:00:00'),"
    " ('西岭村', '村', '2026-01-01 08:00:00', '2026-01-01 08:00:00');"
    "INSERT INTO committees (name, short_name, type_id, village_id, created_at, updated_at)"
    " VALUES ('青山镇人民调解委员会', '青山',"
    "  (SELECT id FROM codes WHERE kind = 'committee_type' AND label = '乡镇调委会'), NULL,"
    "  '2026-01-01 08:00:00', '2026-01-01 08:00:00'),"
    " ('东坪村人民调解委员会', '东坪',"
    "  (SELECT id FROM codes WHERE kind = 'committee_type' AND label = '村调委会'),"
    "  (SELECT id FROM villages WHERE name = '东坪村'),"
    "  '2026-01-01 08:00:00', '2026-01-01 08:00:00');"
    "INSERT INTO mediators (name, sex, committee_id, full_time, created_at, updated_at)"
    " VALUES ('张调解', '男', (SELECT id FROM committees WHERE short_name = '青山'), 1,"
    "  '2026-01-01 08:00:00', '2026-01-01 08:00:00'),"
    " ('李调解', '女', (SELECT id FROM committees WHERE short_name = '东坪'), 0,"
    "  '2026-01-01 08:00:00', '2026-01-01 08:00:00');"
    "INSERT INTO staff (name, role, created_at, updated_at) VALUES"
    " ('刘文书', '工作人员', '2026-01-01 08:00:00', '2026-01-01 08:00:00');"
    "INSERT INTO people (name, sex, created_at, updated_at) VALUES"
    " ('赵一', '男', '2026-01-01 08:00:00', '2026-01-01 08:00:00'),"
    " ('钱二', '女', '2026-01-01 08:00:00', '2026-01-01 08:00:00'),"
    " ('孙三', '男', '2026-01-01 08:00:00', '2026-01-01 08:00:00'),"
    " ('李四', '女', '2026-01-01 08:00:00', '2026-01-01 08:00:00');");
  g_assert_true (desk_settings_set (store, "station", "青山镇司法所", &error));
  g_assert_true (desk_settings_set (store, "county", "青山县", &error));
  g_assert_true (desk_settings_set (store, "township", "青山镇", &error));
  g_assert_no_error (error);
}

static gint64
person (DeskStore  *store,
        const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM people WHERE name = '%s'", name);

  return query_id (store, sql);
}

static gint64
add_case (DeskStore      *store,
          const char     *accepted_on,
          DeskCaseStatus  status,
          const char     *closed_on)
{
  g_autoptr(DeskCase) c = desk_case_new ();
  g_autoptr(GError) error = NULL;

  c->committee_id = query_id (store, "SELECT id FROM committees WHERE short_name = '青山'");
  c->accepted_on = g_strdup (accepted_on);
  c->registrar_id = query_id (store, "SELECT id FROM staff");
  c->source_id = code (store, DESK_CODE_CASE_SOURCE, "当事人申请");
  c->dispute_type_id = code (store, DESK_CODE_DISPUTE_TYPE, "邻里纠纷");
  c->summary = g_strdup ("两户因排水沟走向发生争执");
  desk_case_add_party (c, person (store, "赵一"), DESK_CASE_APPLICANT);
  desk_case_add_party (c, person (store, "孙三"), DESK_CASE_APPLICANT);
  desk_case_add_party (c, person (store, "钱二"), DESK_CASE_RESPONDENT);
  desk_case_add_party (c, person (store, "李四"), DESK_CASE_THIRD_PARTY);
  desk_case_add_mediator (c, query_id (store, "SELECT id FROM mediators WHERE name = '张调解'"));
  c->status = status;
  c->closed_on = g_strdup (closed_on);
  if (status == DESK_CASE_SUCCEEDED)
    {
      c->agreement_form = g_strdup ("书面");
      c->agreement_content = g_strdup ("钱二改建排水沟，赵一承担一半费用");
      c->agreement_amount = 150050;
      c->performance_manner = g_strdup ("一次性支付");
      c->performance_term = g_strdup ("2026年12月31日前");
    }
  desk_case_create (store, c, DESK_CASE_WRITE_DEFAULT, &error);
  g_assert_no_error (error);
  return c->id;
}

static gint64
add_aid (DeskStore     *store,
         const char    *received_at,
         DeskAidStatus  status,
         const char    *supplement_on,
         const char    *forwarded_on,
         const char    *withdrawn_on)
{
  g_autoptr(DeskLegalAid) aid = desk_legal_aid_new ();
  g_autoptr(GError) error = NULL;

  aid->received_at = g_strdup (received_at);
  aid->receiver_id = query_id (store, "SELECT id FROM staff");
  aid->person_id = person (store, "钱二");
  aid->matter_type_id = code (store, DESK_CODE_AID_MATTER_TYPE, "民事");
  aid->matter_id = code (store, DESK_CODE_AID_MATTER, "请求给付赡养费、抚养费、扶养费");
  aid->summary = g_strdup ("儿子不付赡养费");
  aid->status = status;
  aid->supplement_on = g_strdup (supplement_on);
  aid->forwarded_on = g_strdup (forwarded_on);
  aid->withdrawn_on = g_strdup (withdrawn_on);
  desk_legal_aid_create (store, aid, DESK_AID_CHECK_LENIENT, &error);
  g_assert_no_error (error);
  return aid->id;
}

static gint64
add_adviser (DeskStore  *store,
             const char *name,
             const char *village)
{
  g_autoptr(DeskAdviser) a = desk_adviser_new ();
  g_autoptr(DeskAdviserAssignment) assignment = desk_adviser_assignment_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM villages WHERE name = '%s'", village);

  a->name = g_strdup (name);
  a->sex = DESK_SEX_MALE;
  a->phone = g_strdup ("13812345678");
  a->practice_type_id = code (store, DESK_CODE_PRACTICE_TYPE, "律师");
  a->institution = g_strdup ("青山律师事务所");
  a->licence_number = g_strdup ("13301201810123456");
  a->term_from = g_strdup ("2026-01-01");
  desk_adviser_create (store, a, &error);
  g_assert_no_error (error);
  assignment->adviser_id = a->id;
  assignment->village_id = query_id (store, sql);
  assignment->from_date = g_strdup ("2026-01-01");
  desk_adviser_assignment_create (store, assignment, &error);
  g_assert_no_error (error);
  return a->id;
}

static void
add_service (DeskStore  *store,
             gint64      adviser,
             const char *village,
             const char *date,
             int         half_hours)
{
  g_autoptr(DeskAdviserService) s = desk_adviser_service_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM villages WHERE name = '%s'", village);

  s->served_on = g_strdup (date);
  s->adviser_id = adviser;
  s->village_id = query_id (store, sql);
  s->mode_id = code (store, DESK_CODE_SERVICE_MODE, "实地");
  s->half_hours = half_hours;
  s->consults = 2;
  desk_adviser_service_create (store, s, &error);
  g_assert_no_error (error);
}

static void
add_consultation (DeskStore  *store,
                  const char *at)
{
  g_autoptr(DeskConsultation) c = desk_consultation_new ();
  g_autoptr(GError) error = NULL;

  c->at = g_strdup (at);
  c->staff_id = query_id (store, "SELECT id FROM staff");
  c->channel_id = code (store, DESK_CODE_CHANNEL, "来访");
  c->person_id = person (store, "李四");
  c->category_id = code (store, DESK_CODE_CONSULT_CATEGORY, "继承");
  c->content = g_strdup ("父亲去世后房屋如何继承");
  c->reply = g_strdup ("告知法定继承顺序");
  c->result_id = code (store, DESK_CODE_CONSULT_RESULT, "当场解答");
  desk_consultation_create (store, c, &error);
  g_assert_no_error (error);
}

static void
open_window (Fixture    *f,
             const char *path)
{
  f->window = desk_window_new (app, path);
  gtk_window_present (GTK_WINDOW (f->window));
  f->store = desk_window_get_store (f->window);
  g_assert_nonnull (f->store);
  desk_window_show_page (f->window, "dashboard");
  f->page = DESK_DASHBOARD_PAGE (find_type (GTK_WIDGET (f->window),
                                            DESK_TYPE_DASHBOARD_PAGE));
  g_assert_nonnull (f->page);
  wait_loaded (f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static int n;
  g_autofree char *name = g_strdup_printf ("dashboard-%d.db", ++n);
  g_autofree char *path = desk_test_path (name);
  g_autoptr(DeskStore) store = desk_test_open_store (name);
  g_autoptr(DeskCaseVisit) visit = desk_case_visit_new ();
  g_autoptr(GError) error = NULL;

  add_registers (store);
  g_assert_true (desk_holidays_add (store, "2026-11-19", FALSE, "调休", &error));
  g_assert_no_error (error);

  f->overdue = add_case (store, "2026-10-01", DESK_CASE_ACCEPTED, NULL);
  f->in_time = add_case (store, "2026-11-01", DESK_CASE_MEDIATING, NULL);
  f->visit_due = add_case (store, "2026-10-20", DESK_CASE_SUCCEEDED, "2026-11-01");
  f->visit_later = add_case (store, "2026-11-10", DESK_CASE_SUCCEEDED, "2026-11-20");
  f->visited = add_case (store, "2026-09-01", DESK_CASE_SUCCEEDED, "2026-09-15");
  f->failed = add_case (store, "2026-08-01", DESK_CASE_FAILED, "2026-08-20");
  f->deleted = add_case (store, "2026-09-02", DESK_CASE_ACCEPTED, NULL);
  g_assert_true (desk_case_delete (store, f->deleted, &error));
  visit->case_id = f->visited;
  visit->visited_on = g_strdup ("2026-10-01");
  visit->mode_id = code (store, DESK_CODE_VISIT_MODE, "电话");
  visit->visitor = g_strdup ("张调解");
  desk_case_visit_create (store, visit, &error);
  g_assert_no_error (error);

  f->aid_new = add_aid (store, "2026-11-20 10:00", DESK_AID_STATUS_RECEIVED, NULL, NULL, NULL);
  f->aid_late = add_aid (store, "2026-11-16 09:00", DESK_AID_STATUS_RECEIVED, NULL, NULL, NULL);
  f->aid_today = add_aid (store, "2026-11-17 15:30", DESK_AID_STATUS_SUPPLEMENT, "2026-11-18",
                          NULL, NULL);
  f->aid_forwarded = add_aid (store, "2026-10-12 09:00", DESK_AID_STATUS_FORWARDED, NULL,
                              "2026-10-13", NULL);
  f->aid_withdrawn = add_aid (store, "2026-11-02 09:00", DESK_AID_STATUS_WITHDRAWN, NULL, NULL,
                              "2026-11-03");

  f->short_adviser = add_adviser (store, "陈律师", "东坪村");
  f->good_adviser = add_adviser (store, "王律师", "西岭村");
  add_service (store, f->short_adviser, "东坪村", "2026-11-10", 4);
  add_service (store, f->good_adviser, "西岭村", "2026-11-05", 6);
  add_service (store, f->good_adviser, "西岭村", "2026-11-12", 4);
  add_service (store, f->good_adviser, "西岭村", "2026-10-12", 4);

  add_consultation (store, "2026-10-08 09:00");
  add_consultation (store, "2026-11-02 09:00");
  add_consultation (store, "2026-11-03 10:00");
  add_consultation (store, "2026-11-20 16:00");
  g_clear_object (&store);

  open_window (f, path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
}

/* Tests */

static void
test_due_items (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DeskCase) overdue = desk_case_get (f->store, f->overdue, NULL);
  g_autoptr(DeskCase) visit_due = desk_case_get (f->store, f->visit_due, NULL);
  g_autoptr(DeskLegalAid) late = desk_legal_aid_get (f->store, f->aid_late, NULL);
  g_autoptr(DeskLegalAid) today = desk_legal_aid_get (f->store, f->aid_today, NULL);
  g_autoptr(DeskLegalAid) recent = desk_legal_aid_get (f->store, f->aid_new, NULL);
  AdwActionRow *row;
  GtkWidget *first;

  g_assert_cmpstr (label_text (f->page, "today"), ==, "2026年11月23日 星期一");
  g_assert_false (gtk_widget_get_visible (named (f->page, "due-empty")));

  /* The case past the time limit: number, parties, days over. */
  g_assert_cmpstr (group_title (f, "case-overdue"), ==, "超过调解期限的案件（1 件）");
  g_assert_cmpuint (group_rows (f, "case-overdue", NULL), ==, 1);
  row = item_row (f, "case-overdue", f->overdue);
  g_assert_cmpstr (row_title (row), ==, overdue->number);
  g_assert_cmpstr (row_title (row), ==, "（2026）青山人调字第1号");
  assert_contains (adw_action_row_get_subtitle (row), "赵一、孙三 与 钱二");
  assert_contains (adw_action_row_get_subtitle (row), "青山镇人民调解委员会");
  assert_contains (adw_action_row_get_subtitle (row), "2026-10-01 受理");
  g_assert_null (strstr (adw_action_row_get_subtitle (row), "李四"));   /* 第三人 */
  g_assert_cmpint (desk_case_overdue_days (f->store, overdue), ==, 23);
  g_assert_cmpstr (row_status (row), ==, "超期 23 天");
  g_assert_true (gtk_widget_has_css_class (named (row, "status"), "error"));
  g_assert_false (has_item (f, "case-overdue", f->in_time));
  g_assert_false (has_item (f, "case-overdue", f->deleted));
  g_assert_false (has_item (f, "case-overdue", f->failed));

  /* The follow-up visit due 15 days after 2026-11-01, a week ago. */
  g_assert_cmpstr (group_title (f, "follow-up"), ==, "待回访的案件（1 件）");
  row = item_row (f, "follow-up", f->visit_due);
  g_assert_cmpstr (row_title (row), ==, visit_due->number);
  assert_contains (adw_action_row_get_subtitle (row), "2026-11-01 调解成功");
  g_assert_cmpstr (row_status (row), ==, "回访逾期 7 天");
  g_assert_false (has_item (f, "follow-up", f->visit_later));
  g_assert_false (has_item (f, "follow-up", f->visited));

  /* Applications to forward: the late one first, then by receipt. */
  g_assert_cmpstr (group_title (f, "aid"), ==, "待转交的法律援助申请（3 件）");
  assert_contains (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (named (f->page,
                                                                                      "aid"))),
                   "其中 1 件已超过 3 个工作日的转交期限");
  g_assert_cmpuint (group_rows (f, "aid", &first), ==, 3);
  g_assert_true (first == GTK_WIDGET (item_row (f, "aid", f->aid_late)));
  row = item_row (f, "aid", f->aid_late);
  g_assert_cmpstr (row_title (row), ==, late->number);
  assert_contains (adw_action_row_get_subtitle (row), "钱二");
  assert_contains (adw_action_row_get_subtitle (row), "2026-11-16 接收");
  /* 17, 18, 20 and 23 November: four working days, the 19th a holiday */
  g_assert_cmpint (desk_legal_aid_working_days_pending (f->store, late, NULL), ==, 4);
  g_assert_cmpstr (row_status (row), ==, "超期 1 个工作日");
  g_assert_true (gtk_widget_has_css_class (named (row, "status"), "error"));
  row = item_row (f, "aid", f->aid_today);
  g_assert_cmpstr (row_title (row), ==, today->number);
  assert_contains (adw_action_row_get_subtitle (row), "材料待补");
  g_assert_cmpstr (row_status (row), ==, "今天须转交");
  g_assert_true (gtk_widget_has_css_class (named (row, "status"), "warning"));
  row = item_row (f, "aid", f->aid_new);
  g_assert_cmpstr (row_title (row), ==, recent->number);
  g_assert_cmpstr (row_status (row), ==, "还剩 2 个工作日");
  g_assert_false (has_item (f, "aid", f->aid_forwarded));
  g_assert_false (has_item (f, "aid", f->aid_withdrawn));
  /* by receipt: the 17th before the 20th although entered after it */
  g_assert_true (gtk_widget_get_next_sibling (GTK_WIDGET (item_row (f, "aid", f->aid_late))) ==
                 GTK_WIDGET (item_row (f, "aid", f->aid_today)));

  /* The adviser short of the minimum hours; the other one is not listed. */
  g_assert_cmpstr (group_title (f, "adviser"), ==, "本月尚未达标的法律顾问（1 人）");
  row = item_row (f, "adviser", f->short_adviser);
  g_assert_cmpstr (row_title (row), ==, "陈律师");
  assert_contains (adw_action_row_get_subtitle (row),
                   "本月实地服务 1 次（至少 1 次），2 小时（至少 4 小时）");
  g_assert_cmpstr (row_status (row), ==, "还差 2 小时");
  g_assert_false (has_item (f, "adviser", f->good_adviser));

  /* October's report, due on 5 November, was never exported. */
  row = ADW_ACTION_ROW (named (f->page, "report"));
  g_assert_cmpstr (row_title (row), ==, "2026年10月统计月报");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "报送期限 2026-11-05");
  g_assert_cmpstr (label_text (f->page, "report-status"), ==, "已逾期 18 天");
  g_assert_true (gtk_widget_has_css_class (named (f->page, "report-status"), "error"));
}

/* The working days follow the holiday calendar and the settings. */
static void
test_calendar_and_limits (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_holidays_remove (f->store, "2026-11-19", &error));
  reload (f);
  g_assert_cmpstr (row_status (item_row (f, "aid", f->aid_late)), ==, "超期 2 个工作日");
  g_assert_cmpstr (row_status (item_row (f, "aid", f->aid_today)), ==, "超期 1 个工作日");
  g_assert_cmpstr (row_status (item_row (f, "aid", f->aid_new)), ==, "还剩 2 个工作日");
  g_assert_cmpstr (group_title (f, "aid"), ==, "待转交的法律援助申请（3 件）");

  g_assert_true (desk_settings_set (f->store, "aid-limit-days", "5", &error));
  g_assert_true (desk_settings_set (f->store, "mediation-limit-days", "60", &error));
  g_assert_true (desk_settings_set (f->store, "follow-up-days", "30", &error));
  g_assert_true (desk_settings_set (f->store, "adviser-min-hours", "2", &error));
  g_assert_no_error (error);
  reload (f);
  g_assert_cmpstr (row_status (item_row (f, "aid", f->aid_late)), ==, "今天须转交");
  g_assert_false (has_item (f, "case-overdue", f->overdue));
  g_assert_null (find_named (GTK_WIDGET (f->page), "case-overdue"));
  g_assert_null (find_named (GTK_WIDGET (f->page), "follow-up"));
  g_assert_null (find_named (GTK_WIDGET (f->page), "adviser"));
  g_assert_false (gtk_widget_get_visible (named (f->page, "due-empty")));

  /* Forwarding the last ones leaves nothing due. */
  g_assert_true (desk_legal_aid_advance (f->store, f->aid_late, DESK_AID_STATUS_FORWARDED,
                                         "2026-11-23",
                                         &(DeskAidStepDetails) {
                                           .forward_mode_id = code (f->store,
                                                                    DESK_CODE_FORWARD_MODE,
                                                                    "当面") },
                                         &error));
  g_assert_no_error (error);
  g_assert_true (desk_legal_aid_advance (f->store, f->aid_today, DESK_AID_STATUS_WITHDRAWN,
                                         "2026-11-23", NULL, &error));
  g_assert_true (desk_legal_aid_advance (f->store, f->aid_new, DESK_AID_STATUS_WITHDRAWN,
                                         "2026-11-23", NULL, &error));
  g_assert_no_error (error);
  reload (f);
  g_assert_null (find_named (GTK_WIDGET (f->page), "aid"));
  g_assert_true (gtk_widget_get_visible (named (f->page, "due-empty")));
  g_assert_cmpstr (label_text (f->page, "due-empty-title"), ==, "今天没有到期事项");
}

typedef struct
{
  char   *kind;
  gint64  id;
  guint   count;
} Opened;

static void
record_opened (DeskDashboardPage *page,
               const char        *kind,
               gint64             id,
               Opened            *opened)
{
  g_free (opened->kind);
  opened->kind = g_strdup (kind);
  opened->id = id;
  opened->count++;
}

static gboolean
window_has_action (DeskWindow *window,
                   const char *name)
{
  const GVariantType *parameter_type;
  const char *property;
  const char *action;
  GType owner;

  for (guint i = 0; gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (window), i, &owner,
                                                   &action, &parameter_type, &property); i++)
    if (g_strcmp0 (action, name) == 0)
      return TRUE;
  return FALSE;
}

static void
test_open_record (Fixture       *f,
                  gconstpointer  data)
{
  Opened opened = { 0 };
  struct
  {
    const char *group;
    gint64      id;
    const char *kind;
  } items[] = {
    { "case-overdue", f->overdue, "mediation_case" },
    { "follow-up", f->visit_due, "mediation_case" },
    { "aid", f->aid_late, "legal_aid" },
    { "aid", f->aid_new, "legal_aid" },
    { "adviser", f->short_adviser, "adviser" },
  };
  GtkWidget *window = gtk_window_new ();
  DeskDashboardPage *page = DESK_DASHBOARD_PAGE (desk_dashboard_page_new ());

  /* A page of its own, so that no editor opens: the signal alone. */
  desk_dashboard_page_set_store (page, f->store);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  wait_page (page);
  g_signal_connect (page, "open-record", G_CALLBACK (record_opened), &opened);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      adw_action_row_activate (page_row (page, items[i].group, items[i].id));
      iterate ();
      g_assert_cmpuint (opened.count, ==, i + 1);
      g_assert_cmpstr (opened.kind, ==, items[i].kind);
      g_assert_cmpint (opened.id, ==, items[i].id);
    }
  g_free (opened.kind);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();

  /* In the window: without a case editor, the case is named in a toast. */
  if (!window_has_action (f->window, "win.edit-case"))
    {
      g_autofree char *what = desk_dashboard_page_describe_record (f->page, "mediation_case",
                                                                   f->overdue);

      g_assert_cmpstr (what, ==, "调解案件（2026）青山人调字第1号");
      g_assert_false (shows_label_containing (GTK_WIDGET (f->window), what));
      adw_action_row_activate (item_row (f, "case-overdue", f->overdue));
      iterate ();
      g_assert_true (shows_label_containing (GTK_WIDGET (f->window), what));
      g_assert_true (shows_label_containing (GTK_WIDGET (f->window), "暂时无法打开"));
    }
  g_assert_null (desk_dashboard_page_describe_record (f->page, "legal_aid", f->aid_forwarded));

  /* The report goes to the 统计月报 page. */
  adw_action_row_activate (ADW_ACTION_ROW (named (f->page, "report")));
  iterate ();
  g_assert_cmpstr (desk_window_get_page (f->window), ==, "report");
}

static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  const char *rows[] = { "法律咨询(件)", "人民调解受理(件)", "人民调解成功(件)",
                         "矛盾纠纷排查(次)", "法律援助申请接收(件)", "法律援助申请转交(件)",
                         "法律顾问服务(次)" };
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskReport) report = desk_figures_compute (f->store, 2026, 11, &error);
  const DeskReportTable *indicators;
  GtkWidget *counts = named (f->page, "counts");
  guint tiles = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_type (GTK_WIDGET (counts),
                                                             GTK_TYPE_LABEL))),
                   ==, "法律咨询(件)");
  for (GtkWidget *child = gtk_widget_get_first_child (counts); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    tiles++;
  g_assert_cmpuint (tiles, ==, G_N_ELEMENTS (rows));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *tile = named (counts, rows[i]);
      const DeskCell *now = desk_report_get_cell (report, "汇总", rows[i], "本月");
      const DeskCell *before = desk_report_get_cell (report, "汇总", rows[i], "上月");
      g_autofree char *value = desk_cell_to_string (now, 0);
      g_autofree char *last = desk_cell_to_string (before, 0);
      g_autofree char *previous = g_strdup_printf ("上月 %s", last);
      g_autofree char *change = NULL;

      g_assert_cmpstr (label_text (tile, "label"), ==, rows[i]);
      g_assert_cmpstr (label_text (tile, "value"), ==, value);
      g_assert_cmpstr (label_text (tile, "previous"), ==, previous);
      if (now->value > before->value)
        change = g_strdup_printf ("+%" G_GINT64_FORMAT, now->value - before->value);
      else if (now->value < before->value)
        change = g_strdup_printf ("−%" G_GINT64_FORMAT, before->value - now->value);
      else
        change = g_strdup ("0");
      g_assert_cmpstr (label_text (tile, "change"), ==, change);
    }
  /* What the ledger holds, so that the comparison above means something. */
  g_assert_cmpstr (label_text (named (counts, "法律咨询(件)"), "value"), ==, "3");
  g_assert_cmpstr (label_text (named (counts, "法律咨询(件)"), "previous"), ==, "上月 1");
  g_assert_cmpstr (label_text (named (counts, "法律咨询(件)"), "change"), ==, "+2");
  g_assert_cmpstr (label_text (named (counts, "人民调解受理(件)"), "value"), ==, "2");
  g_assert_cmpstr (label_text (named (counts, "人民调解受理(件)"), "previous"), ==, "上月 2");
  g_assert_cmpstr (label_text (named (counts, "法律援助申请接收(件)"), "value"), ==, "4");
  g_assert_cmpstr (label_text (named (counts, "法律援助申请转交(件)"), "change"), ==, "−1");
  g_assert_cmpstr (label_text (named (counts, "法律顾问服务(次)"), "value"), ==, "3");

  /* The indicators with their targets. */
  indicators = desk_report_find_table (report, "汇总", 1);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (named (f->page,
                                                                                "indicators"))),
                   ==, "站点指标");
  g_assert_cmpuint (indicators->rows->len, ==, 3);
  for (guint i = 0; i < indicators->rows->len; i++)
    {
      const DeskReportRow *r = g_ptr_array_index (indicators->rows, i);
      AdwActionRow *row = ADW_ACTION_ROW (named (f->page, r->label));
      g_autofree char *value = desk_cell_to_string (&r->cells[0], 1);
      g_autofree char *target = desk_cell_to_string (&r->cells[1], 1);
      g_autofree char *shown = NULL;
      g_autofree char *target_shown = NULL;

      /* "50.0" in the cell is "50%" here; "66.7" stays */
      if (g_str_has_suffix (value, ".0"))
        value[strlen (value) - 2] = '\0';
      if (g_str_has_suffix (target, ".0"))
        target[strlen (target) - 2] = '\0';
      shown = g_strdup_printf ("%s%%", value);
      target_shown = g_strdup_printf ("目标 %s%%", target);
      g_assert_cmpstr (label_text (row, "value"), ==, shown);
      g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, target_shown);
    }
  /* Both villages have an adviser, one a committee; one of two mediators
   * is full-time. */
  g_assert_cmpstr (label_text (named (f->page, "村(居)配备法律顾问的比例"), "value"), ==,
                   "100%");
  g_assert_cmpstr (label_text (named (f->page, "村(社区)人民调解委员会覆盖率"), "value"), ==,
                   "50%");
  g_assert_true (gtk_widget_has_css_class (named (named (f->page,
                                                         "村(社区)人民调解委员会覆盖率"),
                                                  "value"), "warning"));
  g_assert_cmpstr (label_text (named (f->page, "专职人民调解员比例"), "value"), ==, "50%");
  g_assert_true (gtk_widget_has_css_class (named (named (f->page, "专职人民调解员比例"),
                                                  "value"), "success"));
}

static void
test_report_states (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskReport) october = NULL;
  g_autoptr(DeskExport) export = NULL;
  g_autofree char *file = desk_test_path ("青山镇司法所_2026年10月_统计月报.xlsx");
  g_autofree char *exported = NULL;

  g_assert_true (desk_settings_set (f->store, "report-due-day", "28", &error));
  reload (f);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (named (f->page, "report"))), ==,
                   "报送期限 2026-11-28");
  g_assert_cmpstr (label_text (f->page, "report-status"), ==, "待报送，还剩 5 天");

  g_assert_true (desk_settings_set (f->store, "report-due-day", "23", &error));
  reload (f);
  g_assert_cmpstr (label_text (f->page, "report-status"), ==, "待报送，今天到期");
  g_assert_true (gtk_widget_has_css_class (named (f->page, "report-status"), "warning"));

  /* Exported (the history needs a file to fingerprint). */
  october = desk_figures_compute (f->store, 2026, 10, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (file, "workbook", -1, &error));
  g_assert_true (desk_history_record (f->store, october, file, "刘文书", FALSE, NULL, &error));
  g_assert_no_error (error);
  export = desk_history_last (f->store, 2026, 10, &error);
  g_assert_nonnull (export);
  exported = g_strdup_printf ("已导出 %.10s", export->exported_at);
  reload (f);
  g_assert_cmpstr (label_text (f->page, "report-status"), ==, exported);
  g_assert_true (gtk_widget_has_css_class (named (f->page, "report-status"), "success"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (named (f->page, "report"))), ==,
                   "报送期限 2026-11-23");

  /* A record of October entered since: the county needs a corrected workbook. */
  add_consultation (f->store, "2026-10-20 09:00");
  reload (f);
  g_assert_cmpstr (label_text (f->page, "report-status"), ==, exported);
  g_assert_true (gtk_widget_has_css_class (named (f->page, "report-status"), "warning"));
  assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (named (f->page, "report"))),
                   "项数字变动，需报送更正表");
}

/* At most ten items a group, the longest waiting first; the rest are on
 * the list page. */
static void
test_long_list (Fixture       *f,
                gconstpointer  data)
{
  gint64 oldest = 0;
  GtkWidget *first;
  GtkWidget *more;

  for (int i = 0; i < 22; i++)
    {
      g_autofree char *day = g_strdup_printf ("2026-09-%02d", 28 - i);
      gint64 id = add_case (f->store, day, DESK_CASE_ACCEPTED, NULL);

      oldest = id;
    }
  reload (f);
  g_assert_cmpstr (group_title (f, "case-overdue"), ==, "超过调解期限的案件（23 件）");
  g_assert_cmpuint (group_rows (f, "case-overdue", &first), ==, 11);
  g_assert_true (first == GTK_WIDGET (item_row (f, "case-overdue", oldest)));
  g_assert_cmpstr (row_status (ADW_ACTION_ROW (first)), ==, "超期 47 天");   /* 2026-09-07 */
  more = named (named (f->page, "case-overdue"), "more");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (more)), ==,
                   "另有 13 项，请到列表页查看");
  g_assert_false (has_item (f, "case-overdue", f->overdue));   /* the least overdue */
  adw_action_row_activate (ADW_ACTION_ROW (more));
  iterate ();
  g_assert_cmpstr (desk_window_get_page (f->window), ==, "cases");
}

/* Readable down to 360 pixels: nothing on the page asks for more. */
static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  int minimum = 0;

  gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                      NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  iterate ();
  gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                      NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
}

/* Shown again, the page looks again: a record entered on another page
 * appears without asking. */
static void
test_reload_when_shown (Fixture       *f,
                        gconstpointer  data)
{
  gint64 id;

  desk_window_show_page (f->window, "consultations");
  iterate ();
  id = add_case (f->store, "2026-09-30", DESK_CASE_ACCEPTED, NULL);
  g_assert_false (has_item (f, "case-overdue", id));
  desk_window_show_page (f->window, "dashboard");
  wait_loaded (f);
  g_assert_true (has_item (f, "case-overdue", id));
  g_assert_cmpstr (row_status (item_row (f, "case-overdue", id)), ==, "超期 24 天");
}

static void
test_empty_ledger (void)
{
  g_autofree char *path = desk_test_path ("empty.db");
  g_autoptr(DeskStore) store = desk_test_open_store ("empty.db");
  Fixture fixture = { 0 };
  Fixture *f = &fixture;
  GtkWidget *counts;

  g_clear_object (&store);
  open_window (f, path);
  g_assert_true (gtk_widget_get_visible (named (f->page, "due-empty")));
  g_assert_cmpstr (label_text (f->page, "due-empty-title"), ==, "今天没有到期事项");
  g_assert_null (gtk_widget_get_first_child (named (f->page, "due")));
  g_assert_false (gtk_widget_get_visible (named (f->page, "error")));
  /* Last month's report is still due. */
  g_assert_cmpstr (label_text (f->page, "report-status"), ==, "已逾期 18 天");
  counts = named (f->page, "counts");
  g_assert_cmpstr (label_text (named (counts, "法律咨询(件)"), "value"), ==, "0");
  g_assert_cmpstr (label_text (named (counts, "法律顾问服务(次)"), "change"), ==, "0");
  /* No village, no mediator: no ratio. */
  g_assert_cmpstr (label_text (named (f->page, "专职人民调解员比例"), "value"), ==, "—");
  fixture_tear_down (f, NULL);
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* a Monday, after a holiday on Thursday */
  g_setenv ("LEGALDESK_TODAY", "2026-11-23", TRUE);
  app = start_app (&argc, &argv);
  if (app == NULL)
    return 0;

#define ADD(path, func) \
  g_test_add ("/dashboard/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("due-items", test_due_items);
  ADD ("calendar-and-limits", test_calendar_and_limits);
  ADD ("open-record", test_open_record);
  ADD ("counts", test_counts);
  ADD ("report-states", test_report_states);
  ADD ("long-list", test_long_list);
  ADD ("narrow", test_narrow);
  ADD ("reload-when-shown", test_reload_when_shown);
#undef ADD
  g_test_add_func ("/dashboard/empty-ledger", test_empty_ledger);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
