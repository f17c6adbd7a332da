/* test-case-editor.c — the mediation case editor, its parties and its
 * follow-up visits, driven through the real widgets under a virtual
 * display: text typed into the field that has the focus, Enter as the
 * entries' "activate", Tab as the window's focus move, Space as a tick's
 * "activate", keys as the shortcuts they are bound to.  What is checked is
 * what the clerk sees (labels, marked fields, the focus, the window open
 * or closed) and what the ledger holds afterwards. */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "desk-application.h"
#include "desk-case-editor.h"
#include "desk-codes.h"
#include "desk-consultation-editor.h"
#include "desk-consultation.h"
#include "desk-list-page.h"
#include "desk-dashboard-page.h"
#include "desk-form.h"
#include "desk-mediation.h"
#include "desk-person-picker.h"
#include "desk-person.h"
#include "desk-preferences-dialog.h"
#include "desk-register.h"
#include "desk-test-gui.h"
#include "desk-test-util.h"
#include "desk-validate.h"
#include "desk-visit-list.h"
#include "desk-window.h"

static DeskApplication *app;

typedef struct
{
  DeskWindow *window;
  DeskStore  *store;        /* the window's */
  gint64      li_ming;      /* staff */
  gint64      qingshan;     /* 青山镇人民调解委员会, short name 青山 */
  gint64      dongping;     /* 东坪村人民调解委员会, short name 东坪 */
  gint64      wang_jianhua; /* mediator of 青山 */
  gint64      li_xiuying;   /* mediator of 青山 */
  gint64      zhao_deming;  /* mediator of 东坪 */
  gint64      zhang_san;    /* 360426199101010071 */
  gint64      li_si;        /* 13912345678 */
  gint64      company;      /* an organisation */
} Fixture;

/* Widgets and the main loop */

static DeskCaseEditor *
find_editor (void)
{
  return find_toplevel (DESK_TYPE_CASE_EDITOR);
}

static DeskPreferencesDialog *
find_visit_form (void)
{
  return find_toplevel (DESK_TYPE_PREFERENCES_DIALOG);
}

/* The labels a drop-down offers, joined with "|". */
static char *
choices (gpointer    root,
         const char *name)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (named (root, name)));
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append (out, gtk_string_object_get_string (item));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The window's stack of pages: the one with a page called "cases". */
static GtkStack *
find_page_stack (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found;

      if (GTK_IS_STACK (child) && gtk_stack_get_child_by_name (GTK_STACK (child), "cases"))
        return GTK_STACK (child);
      found = find_page_stack (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkStack *
page_stack (DeskWindow *window)
{
  GtkStack *stack = find_page_stack (GTK_WIDGET (window));

  g_assert_nonnull (stack);
  return stack;
}

/* What the keys do */

static void
tab (gpointer window)
{
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  iterate ();
}

/* A click, or Space on it.  (A button's own "activate" shows it pressed
 * and clicks a moment later; the click is what matters here.) */
static void
activate (GtkWidget *button)
{
  g_signal_emit_by_name (button, GTK_IS_BUTTON (button) ? "clicked" : "activate");
  iterate ();
}

/* Space or Enter on the focused button or tick. */
static void
press_space (gpointer window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  g_assert_true (GTK_IS_CHECK_BUTTON (focus) || GTK_IS_BUTTON (focus));
  activate (focus);
}

/* Typing into the field that has the focus. */
static void
type_here (gpointer    window,
           gpointer    root,
           const char *name,
           const char *text)
{
  g_assert_true (has_focus_in (window, root, name));
  type_into (root, name, text);
}

static void
write_here (gpointer    window,
            const char *name,
            const char *text)
{
  g_assert_true (has_focus_in (window, window, name));
  write_text (window, name, text);
}

static void
choose_in (gpointer    window,
           gpointer    root,
           const char *name,
           const char *typed)
{
  g_assert_true (has_focus_in (window, root, name));
  type_choice (root, name, typed);
}

static void
choose_here (gpointer    window,
             const char *name,
             const char *typed)
{
  choose_in (window, window, name, typed);
}

static DeskPersonPicker *
party_picker (DeskCaseEditor *editor,
              guint           n)
{
  g_autofree char *row = g_strdup_printf ("party-%u", n);

  return DESK_PERSON_PICKER (named (named (editor, row), "party-person"));
}

static void
wait_for_search (DeskPersonPicker *picker)
{
  while (desk_person_picker_get_searching (picker))
    g_main_context_iteration (NULL, TRUE);
  iterate ();
}

/* The registered person typed into party row @n, taken with Enter. */
static void
pick_party (DeskCaseEditor *editor,
            guint           n,
            const char     *typed)
{
  DeskPersonPicker *picker = party_picker (editor, n);

  g_assert_true (has_focus_in (editor, picker, "person-entry"));
  type_into (picker, "person-entry", typed);
  press_enter (picker, "person-entry");
  wait_for_search (picker);
}

/* The ledger */

static gint64
count (Fixture    *f,
       const char *sql)
{
  return desk_test_query_int (f->store, sql);
}

static gint64
code (Fixture    *f,
      const char *kind,
      const char *label)
{
  gint64 id = desk_codes_find (f->store, kind, label);

  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_committee (DeskStore  *store,
               const char *name,
               const char *short_name)
{
  g_autoptr(DeskCommittee) committee = desk_committee_new ();
  g_autoptr(GError) error = NULL;

  committee->name = g_strdup (name);
  committee->short_name = g_strdup (short_name);
  committee->type_id = desk_codes_find (store, DESK_CODE_COMMITTEE_TYPE, "乡镇调委会");
  desk_committee_create (store, committee, &error);
  g_assert_no_error (error);
  return committee->id;
}

static gint64
add_mediator (DeskStore  *store,
              const char *name,
              gint64      committee)
{
  g_autoptr(DeskMediator) mediator = desk_mediator_new ();
  g_autoptr(GError) error = NULL;

  mediator->name = g_strdup (name);
  mediator->committee_id = committee;
  desk_mediator_create (store, mediator, &error);
  g_assert_no_error (error);
  return mediator->id;
}

static gint64
add_person (DeskStore      *store,
            DeskPersonKind  kind,
            const char     *name,
            const char     *id_number,
            const char     *phone)
{
  g_autoptr(DeskPerson) person = desk_person_new ();
  g_autoptr(GError) error = NULL;

  person->kind = kind;
  person->name = g_strdup (name);
  person->id_number = g_strdup (id_number);
  if (kind == DESK_PERSON_ORGANISATION)
    person->id_type = g_strdup ("统一社会信用代码");
  person->phone = g_strdup (phone);
  desk_person_create (store, person, &error);
  g_assert_no_error (error);
  return person->id;
}

/* A case accepted on @accepted_on by 青山's 王建华, 张三 against 李四. */
static DeskCase *
make_case (Fixture    *f,
           const char *accepted_on)
{
  DeskCase *c = desk_case_new ();

  c->committee_id = f->qingshan;
  c->accepted_on = g_strdup (accepted_on);
  c->registrar_id = f->li_ming;
  c->source_id = code (f, DESK_CODE_CASE_SOURCE, "当事人申请");
  c->dispute_type_id = code (f, DESK_CODE_DISPUTE_TYPE, "邻里纠纷");
  c->summary = g_strdup ("两家因排水沟堵塞发生争执。");
  desk_case_add_party (c, f->zhang_san, DESK_CASE_APPLICANT);
  desk_case_add_party (c, f->li_si, DESK_CASE_RESPONDENT);
  desk_case_add_mediator (c, f->wang_jianhua);
  return c;
}

static gint64
create_case (Fixture            *f,
             DeskCase           *c,
             DeskCaseWriteFlags  flags)
{
  g_autoptr(GError) error = NULL;
  gint64 id = desk_case_create (f->store, c, flags, &error);

  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static int n;
  g_autofree char *name = g_strdup_printf ("case-editor-%d.db", ++n);
  g_autofree char *path = desk_test_path (name);
  DeskStore *store = desk_test_open_store (name);
  char credit[19];

  f->li_ming = add_staff (store, "李明");
  add_staff (store, "王芳");
  f->qingshan = add_committee (store, "青山镇人民调解委员会", "青山");
  f->dongping = add_committee (store, "东坪村人民调解委员会", "东坪");
  f->wang_jianhua = add_mediator (store, "王建华", f->qingshan);
  f->li_xiuying = add_mediator (store, "李秀英", f->qingshan);
  f->zhao_deming = add_mediator (store, "赵德明", f->dongping);
  f->zhang_san = add_person (store, DESK_PERSON_NATURAL, "张三", "360426199101010071", NULL);
  f->li_si = add_person (store, DESK_PERSON_NATURAL, "李四", NULL, "13912345678");
  g_snprintf (credit, sizeof credit, "%s%c", "91360426MA35A0B0X",
              desk_credit_code_check_character ("91360426MA35A0B0X"));
  f->company = add_person (store, DESK_PERSON_ORGANISATION, "青山建筑有限公司", credit, NULL);
  g_object_unref (store);

  f->window = desk_window_new (app, path);
  gtk_window_present (GTK_WINDOW (f->window));
  f->store = desk_window_get_store (f->window);
  g_assert_nonnull (f->store);
  desk_window_show_page (f->window, "cases");
  iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  g_assert_null (find_editor ());
}

static DeskCaseEditor *
open_new (Fixture *f)
{
  DeskCaseEditor *editor;

  g_assert_null (find_editor ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-record", NULL));
  editor = find_editor ();
  g_assert_nonnull (editor);
  return editor;
}

static DeskCaseEditor *
open_existing (Fixture *f,
               gint64   id)
{
  DeskCaseEditor *editor;

  g_assert_null (find_editor ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-case", "x", id));
  editor = find_editor ();
  g_assert_nonnull (editor);
  return editor;
}

static void
save (DeskCaseEditor *editor)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  iterate ();
}

/* The first part of a form, filled in as any clerk would: 青山, today,
 * 李明, 王建华, 当事人申请, 邻里纠纷, 张三 against 李四, a summary. */
static void
fill_acceptance (DeskCaseEditor *editor)
{
  choose (editor, "committee", "青山镇人民调解委员会");
  choose (editor, "registrar", "李明");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (named (editor, "mediator-王建华")), TRUE);
  choose (editor, "source", "当事人申请");
  choose (editor, "dispute-type", "邻里纠纷");
  gtk_widget_grab_focus (GTK_WIDGET (party_picker (editor, 1)));
  pick_party (editor, 1, "张三");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-party", NULL));
  pick_party (editor, 2, "李四");
  write_text (editor, "summary", "两家因排水沟堵塞发生争执。");
}

/* Tests */

static void
test_ctrl_n_on_the_cases_page (Fixture       *f,
                               gconstpointer  data)
{
  DeskCaseEditor *editor;
  g_autofree char *status = NULL;
  g_autofree char *role = NULL;

  /* A page without an editor: Ctrl+N does nothing there. */
  desk_window_show_page (f->window, "report");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-record", NULL));
  g_assert_null (find_editor ());

  desk_window_show_page (f->window, "cases");
  g_assert_true (DESK_IS_LIST_PAGE (gtk_stack_get_visible_child (page_stack (f->window))));
  editor = open_new (f);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (f->window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "登记调解案件");
  g_assert_cmpstr (text_of (editor, "case-number"), ==, "保存时自动编号");
  g_assert_false (gtk_widget_get_focusable (named (editor, "case-number")));
  /* Defaults: today, 已受理, one empty row for the 申请人; two committees,
   * so the clerk chooses, starting there. */
  g_assert_cmpstr (text_of (editor, "accepted-on"), ==, "2026-11-23");
  status = chosen (editor, "status");
  g_assert_cmpstr (status, ==, "已受理");
  g_assert_null (chosen (editor, "committee"));
  g_assert_null (chosen (editor, "source"));
  role = chosen (named (editor, "party-1"), "party-role");
  g_assert_cmpstr (role, ==, "申请人");
  g_assert_false (gtk_widget_get_visible (named (named (editor, "party-1"),
                                                 "person-anonymous")));
  g_assert_true (gtk_widget_get_visible (named (editor, "mediators-hint")));
  g_assert_true (has_focus_in (editor, editor, "committee"));
  /* The agreement and the visits wait for 调解成功; 结案日期 for closing. */
  g_assert_false (gtk_widget_get_visible (named (editor, "agreement")));
  g_assert_false (gtk_widget_get_visible (named (editor, "visits")));
  g_assert_false (gtk_widget_is_sensitive (named (editor, "closed-on")));

  /* Nothing typed: Escape closes at once. */
  g_assert_false (desk_case_editor_get_modified (editor));
  g_assert_true (press_key (GTK_WIDGET (editor), "Escape"));
  g_assert_null (find_dialog ());
  g_assert_null (find_editor ());
}

static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  DeskCaseEditor *editor = open_new (f);

  /* Ctrl+Shift+N adds a party even from inside a text field, and the
   * focus goes into the new row. */
  gtk_widget_grab_focus (named (editor, "summary"));
  g_assert_true (press_key (GTK_WIDGET (editor), "<Control><Shift>n"));
  g_assert_nonnull (find_named (GTK_WIDGET (editor), "party-2"));
  g_assert_true (has_focus_in (editor, party_picker (editor, 2), "person-entry"));
  {
    g_autofree char *role = chosen (named (editor, "party-2"), "party-role");

    /* There is a 申请人 already (the first row): the next is 被申请人. */
    g_assert_cmpstr (role, ==, "被申请人");
  }
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (named (editor,
                                                                             "party-count"))),
                   ==, 2);
  /* The add button does the same. */
  activate (named (editor, "party-add"));
  g_assert_nonnull (find_named (GTK_WIDGET (editor), "party-3"));
  /* A row's remove button takes it away; the rows are numbered again. */
  activate (named (named (editor, "party-2"), "party-remove"));
  g_assert_null (find_named (GTK_WIDGET (editor), "party-3"));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (named (editor,
                                                                             "party-count"))),
                   ==, 2);

  /* Ctrl+Enter saves from a text field: it says what is missing. */
  gtk_widget_grab_focus (named (editor, "summary"));
  g_assert_true (press_key (GTK_WIDGET (editor), "<Control>Return"));
  g_assert_true (gtk_widget_get_visible (named (editor, "editor-message")));
  g_assert_true (find_editor () == editor);
  /* Ctrl+S too */
  g_assert_true (press_key (GTK_WIDGET (editor), "<Control>s"));
  g_assert_true (find_editor () == editor);
  /* Escape, with something typed, asks. */
  g_assert_true (press_key (GTK_WIDGET (editor), "Escape"));
  answer ("cancel");
  g_assert_true (find_editor () == editor);
  g_assert_true (press_key (GTK_WIDGET (editor), "Escape"));
  answer ("discard");
  g_assert_null (find_editor ());
  g_assert_cmpint (count (f, "SELECT count(*) FROM mediation_cases"), ==, 0);
}

/* The README's walk-through: a case from acceptance to a written agreement
 * and a follow-up visit, with the keyboard only.  Each step types into the
 * field that has the focus and checks where Enter or Tab went. */
static void
test_keyboard_only (Fixture       *f,
                    gconstpointer  data)
{
  DeskCaseEditor *editor;
  DeskPreferencesDialog *form;
  g_autoptr(DeskCase) saved = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GArray) ids = NULL;
  GtkWidget *row;
  DeskCaseVisit *visit;

  /* Ctrl+3, Ctrl+N */
  desk_window_show_page (f->window, "dashboard");
  g_assert_true (press_key (GTK_WIDGET (f->window), "<Control>3"));
  g_assert_cmpstr (desk_window_get_page (f->window), ==, "cases");
  g_assert_true (press_key (GTK_WIDGET (f->window), "<Control>n"));
  editor = find_editor ();
  g_assert_nonnull (editor);

  /* 调委会: type 青山镇, Enter; 受理日期: 11-2, Enter; 承办人: 李明, Enter */
  choose_here (editor, "committee", "青山镇");
  type_here (editor, editor, "accepted-on", "11-2");
  press_enter (editor, "accepted-on");
  g_assert_cmpstr (text_of (editor, "accepted-on"), ==, "2026-11-02");
  choose_here (editor, "registrar", "李明");
  /* 调解员: Space ticks 王建华; Tab, Tab on to 案件来源 */
  g_assert_true (has_focus_in (editor, editor, "mediator-王建华"));
  press_space (editor);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (named (editor,
                                                                       "mediator-王建华"))));
  tab (editor);
  g_assert_true (has_focus_in (editor, editor, "mediator-李秀英"));
  tab (editor);
  /* 案件来源, 纠纷类型, 难度, 风险预判: typed and Enter each */
  choose_here (editor, "source", "当事人申请");
  choose_here (editor, "dispute-type", "邻里");
  choose_here (editor, "difficulty", "一般");
  choose_here (editor, "risk", "正常");
  /* 当事人: 张三, Enter; Ctrl+Shift+N, 李四, Enter; then 青山建筑 as 第三人 */
  pick_party (editor, 1, "张三");
  g_assert_cmpint (desk_person_picker_get_person_id (party_picker (editor, 1)), ==,
                   f->zhang_san);
  g_assert_true (has_focus_in (editor, editor, "party-count"));
  g_assert_true (press_key (GTK_WIDGET (editor), "<Control><Shift>n"));
  pick_party (editor, 2, "李四");
  g_assert_true (press_key (GTK_WIDGET (editor), "<Control><Shift>n"));
  /* Shift+Tab to the new row's role: 第三, Enter; back in the person */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (editor), GTK_DIR_TAB_BACKWARD));
  choose_in (editor, named (editor, "party-3"), "party-role", "第三");
  pick_party (editor, 3, "建筑");
  g_assert_cmpint (desk_person_picker_get_person_id (party_picker (editor, 3)), ==, f->company);
  /* 涉及当事人数 followed the list: Enter keeps it */
  g_assert_cmpstr (text_of (editor, "party-count"), ==, "3");
  press_enter (editor, "party-count");
  /* 纠纷简要情况, Tab, 申请事项, Tab */
  write_here (editor, "summary", "李四家屋后排水沟改道，雨水流入张三家院内，双方多次争吵。");
  tab (editor);
  write_here (editor, "request", "请求李四恢复排水沟原状并赔偿损失。");
  tab (editor);
  /* 状态: 成功, Enter; 结案日期: 11-6, Enter */
  choose_here (editor, "status", "成功");
  g_assert_true (gtk_widget_get_visible (named (editor, "agreement")));
  type_here (editor, editor, "closed-on", "11-6");
  press_enter (editor, "closed-on");
  /* 协议形式: 书面, Enter; 协议内容, Tab; 金额 3,500, Enter; 履行方式, Enter;
   * 履行期限, Enter; 履行情况: 部分, Enter; 司法确认日期 left empty, Enter */
  choose_here (editor, "agreement-form", "书面");
  write_here (editor, "agreement-content", "李四于十二月底前恢复排水沟原状，并赔偿张三损失3500元。");
  tab (editor);
  type_here (editor, editor, "agreement-amount", "3,500");
  press_enter (editor, "agreement-amount");
  g_assert_cmpstr (text_of (editor, "agreement-amount"), ==, "3500.00");
  type_here (editor, editor, "performance-manner", "分两期支付");
  press_enter (editor, "performance-manner");
  type_here (editor, editor, "performance-term", "2026-12-31前");
  press_enter (editor, "performance-term");
  choose_here (editor, "performance", "部分");
  g_assert_true (has_focus_in (editor, editor, "confirmed-on"));
  press_enter (editor, "confirmed-on");
  /* 防激化: Enter past the four counts, 1 in the first */
  type_here (editor, editor, "prevent-suicide", "1");
  press_enter (editor, "prevent-suicide");
  press_enter (editor, "prevent-criminal");
  press_enter (editor, "prevent-petition");
  press_enter (editor, "prevent-fight");
  /* 卷宗: 长期, Enter; 立卷日期 11-10, Enter */
  choose_here (editor, "retention", "长期");
  type_here (editor, editor, "filed-on", "11-10");
  press_enter (editor, "filed-on");
  /* 回访: Enter on 添加回访 opens the small form */
  g_assert_true (has_focus_in (editor, editor, "visit-add"));
  press_space (editor);
  form = find_visit_form ();
  g_assert_nonnull (form);
  /* 回访日期 11-20, Tab; 方式 上门, Tab; 回访人 (王建华, from the first
   * mediator), Tab; 履行情况, Tab; 满意度, Tab; 记录, Enter */
  row = desk_preferences_dialog_get_row (form, "回访日期");
  g_assert_true (has_focus_in (form, form, "visit-date"));
  gtk_editable_set_text (GTK_EDITABLE (row), "11-20");
  tab (form);
  g_assert_true (has_focus_in (form, form, "visit-mode"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (desk_preferences_dialog_get_row (form, "回访方式")),
                              1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (desk_preferences_dialog_get_row (
    form, "回访人"))), ==, "王建华");
  adw_combo_row_set_selected (ADW_COMBO_ROW (desk_preferences_dialog_get_row (form, "履行情况")),
                              3);
  adw_combo_row_set_selected (ADW_COMBO_ROW (desk_preferences_dialog_get_row (form, "满意度")),
                              1);
  row = desk_preferences_dialog_get_row (form, "记录");
  gtk_editable_set_text (GTK_EDITABLE (row), "已恢复排水沟，首期款已付。");
  g_signal_emit_by_name (row, "entry-activated");
  iterate ();
  g_assert_null (find_visit_form ());
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (named (editor,
                                                                              "visit-1"))),
                   ==, "2026-11-20 · 上门 · 回访人 王建华");
  g_assert_cmpint (count (f, "SELECT count(*) FROM case_visits"), ==, 0);

  /* Ctrl+S */
  g_assert_true (press_key (GTK_WIDGET (editor), "<Control>s"));
  g_assert_null (find_editor ());

  ids = desk_case_list (f->store, NULL, NULL, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  saved = desk_case_get (f->store, g_array_index (ids, gint64, 0), NULL);
  g_assert_cmpstr (saved->number, ==, "（2026）青山人调字第1号");
  g_assert_cmpint (saved->committee_id, ==, f->qingshan);
  g_assert_cmpstr (saved->accepted_on, ==, "2026-11-02");
  g_assert_cmpint (saved->registrar_id, ==, f->li_ming);
  g_assert_cmpuint (saved->mediator_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (saved->mediator_ids, gint64, 0), ==, f->wang_jianhua);
  g_assert_cmpint (saved->source_id, ==, code (f, DESK_CODE_CASE_SOURCE, "当事人申请"));
  g_assert_cmpint (saved->dispute_type_id, ==, code (f, DESK_CODE_DISPUTE_TYPE, "邻里纠纷"));
  g_assert_cmpint (saved->difficulty_id, ==, code (f, DESK_CODE_DIFFICULTY, "一般"));
  g_assert_cmpint (saved->risk_id, ==, code (f, DESK_CODE_RISK, "正常"));
  g_assert_cmpuint (saved->parties->len, ==, 3);
  g_assert_cmpint (g_array_index (saved->parties, DeskCaseParty, 0).person_id, ==, f->zhang_san);
  g_assert_cmpint (g_array_index (saved->parties, DeskCaseParty, 0).role, ==,
                   DESK_CASE_APPLICANT);
  g_assert_cmpint (g_array_index (saved->parties, DeskCaseParty, 1).person_id, ==, f->li_si);
  g_assert_cmpint (g_array_index (saved->parties, DeskCaseParty, 1).role, ==,
                   DESK_CASE_RESPONDENT);
  g_assert_cmpint (g_array_index (saved->parties, DeskCaseParty, 2).person_id, ==, f->company);
  g_assert_cmpint (g_array_index (saved->parties, DeskCaseParty, 2).role, ==,
                   DESK_CASE_THIRD_PARTY);
  g_assert_cmpint (saved->party_count, ==, 3);
  g_assert_false (saved->party_count_manual);
  g_assert_cmpstr (saved->request, ==, "请求李四恢复排水沟原状并赔偿损失。");
  g_assert_cmpint (saved->status, ==, DESK_CASE_SUCCEEDED);
  g_assert_cmpstr (saved->closed_on, ==, "2026-11-06");
  g_assert_cmpstr (saved->agreement_form, ==, "书面");
  g_assert_cmpint (saved->agreement_amount, ==, 350000);
  g_assert_cmpstr (saved->performance_manner, ==, "分两期支付");
  g_assert_cmpstr (saved->performance_term, ==, "2026-12-31前");
  g_assert_cmpint (saved->performance_id, ==, code (f, DESK_CODE_PERFORMANCE, "部分履行"));
  g_assert_null (saved->confirmed_on);
  g_assert_cmpint (saved->prevent_suicide, ==, 1);
  g_assert_cmpstr (saved->retention, ==, "长期");
  g_assert_cmpstr (saved->filed_on, ==, "2026-11-10");
  g_assert_cmpint (saved->consultation_id, ==, 0);

  visits = desk_case_visits_list (f->store, saved->id, NULL);
  g_assert_cmpuint (visits->len, ==, 1);
  visit = g_ptr_array_index (visits, 0);
  g_assert_cmpstr (visit->visited_on, ==, "2026-11-20");
  g_assert_cmpint (visit->mode_id, ==, code (f, DESK_CODE_VISIT_MODE, "上门"));
  g_assert_cmpstr (visit->visitor, ==, "王建华");
  g_assert_cmpint (visit->performance_id, ==, code (f, DESK_CODE_PERFORMANCE, "已履行"));
  g_assert_cmpint (visit->satisfaction_id, ==, code (f, DESK_CODE_SATISFACTION, "满意"));
  g_assert_cmpstr (visit->notes, ==, "已恢复排水沟，首期款已付。");
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  DeskCaseEditor *editor = open_new (f);
  g_autofree char *summary = NULL;

  fill_acceptance (editor);
  type_into (editor, "accepted-on", "2026-11-10");

  /* Closing without 结案日期 */
  choose (editor, "status", "终止");
  g_assert_true (gtk_widget_is_sensitive (named (editor, "closed-on")));
  save (editor);
  g_assert_true (find_editor () == editor);
  g_assert_true (shows_error (editor, "closed-on", "closed-on-error"));
  g_assert_cmpstr (text_of (editor, "closed-on-error"), ==, "已结案（终止）的案件须填写结案日期");
  g_assert_true (has_focus_in (editor, editor, "closed-on"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM mediation_cases"), ==, 0);

  /* 结案 before 受理: said as it is typed, and the text stays */
  type_into (editor, "closed-on", "2026-11-05");
  g_assert_true (shows_error (editor, "closed-on", "closed-on-error"));
  g_assert_cmpstr (text_of (editor, "closed-on-error"), ==, "不能早于受理日期（2026-11-10）");
  save (editor);
  g_assert_cmpstr (text_of (editor, "closed-on"), ==, "2026-11-05");
  g_assert_true (shows_error (editor, "closed-on", "closed-on-error"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM mediation_cases"), ==, 0);
  /* Moving 受理日期 earlier clears it. */
  type_into (editor, "accepted-on", "2026-11-01");
  g_assert_false (shows_error (editor, "closed-on", "closed-on-error"));

  /* A bad amount */
  choose (editor, "status", "调解成功");
  type_into (editor, "agreement-amount", "12.345");
  g_assert_true (shows_error (editor, "agreement-amount", "agreement-amount-error"));
  g_assert_cmpstr (text_of (editor, "agreement-amount-error"), ==, "最多两位小数（精确到分）");
  type_into (editor, "agreement-amount", "12.");
  /* Half typed: the message waits... */
  g_assert_false (shows_error (editor, "agreement-amount", "agreement-amount-error"));
  type_into (editor, "agreement-amount", "-5");
  g_assert_true (shows_error (editor, "agreement-amount", "agreement-amount-error"));
  type_into (editor, "agreement-amount", "12.345");
  save (editor);
  g_assert_cmpstr (text_of (editor, "agreement-amount"), ==, "12.345");
  g_assert_true (shows_error (editor, "agreement-amount", "agreement-amount-error"));
  /* ...and the rest of the agreement is asked for. */
  g_assert_true (shows_error (editor, "agreement-form", "agreement-form-error"));
  g_assert_true (shows_error (editor, "performance-manner", "performance-manner-error"));
  g_assert_true (gtk_widget_get_visible (named (editor, "agreement-content-error")));
  g_assert_cmpint (count (f, "SELECT count(*) FROM mediation_cases"), ==, 0);
  type_into (editor, "agreement-amount", "12.34");
  g_assert_false (shows_error (editor, "agreement-amount", "agreement-amount-error"));

  /* Mediators of another committee: the tick stays, marked, and the
   * message says why. */
  choose (editor, "committee", "东坪村人民调解委员会");
  g_assert_true (shows_error (editor, "mediators", "mediators-error"));
  g_assert_cmpstr (text_of (editor, "mediators-error"), ==,
                   "“王建华”不是“东坪村人民调解委员会”的调解员");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (named (editor,
                                                                       "mediator-王建华"))));
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (named (editor,
                                                                        "mediator-王建华"))),
                   ==, "王建华（其他调委会）");
  g_assert_nonnull (find_named (GTK_WIDGET (editor), "mediator-赵德明"));
  g_assert_null (find_named (GTK_WIDGET (editor), "mediator-李秀英"));
  save (editor);
  g_assert_true (shows_error (editor, "mediators", "mediators-error"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (named (editor, "mediator-王建华")), FALSE);
  g_assert_false (shows_error (editor, "mediators", "mediators-error"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (named (editor, "mediator-赵德明")), TRUE);

  /* The party count never below the parties listed */
  type_into (editor, "party-count", "1");
  gtk_spin_button_update (GTK_SPIN_BUTTON (named (editor, "party-count")));
  iterate ();
  g_assert_true (shows_error (editor, "party-count", "party-count-error"));
  g_assert_cmpstr (text_of (editor, "party-count-error"), ==, "不能少于所列当事人的人数（2）");
  type_into (editor, "party-count", "30");
  gtk_spin_button_update (GTK_SPIN_BUTTON (named (editor, "party-count")));
  iterate ();
  g_assert_false (shows_error (editor, "party-count", "party-count-error"));
  g_assert_nonnull (strstr (text_of (editor, "party-count-hint"), "手工"));

  /* Someone listed twice */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-party", NULL));
  pick_party (editor, 3, "张三");
  g_assert_true (shows_error (editor, "party-rows", "parties-error"));
  g_assert_cmpstr (text_of (editor, "parties-error"), ==, "“张三”重复列出");
  activate (named (named (editor, "party-3"), "party-remove"));
  g_assert_false (shows_error (editor, "party-rows", "parties-error"));
  /* Adding a row kept the count set by hand. */
  g_assert_cmpstr (text_of (editor, "party-count"), ==, "30");

  /* Nothing typed was lost on the way. */
  summary = text_view_text (editor, "summary");
  g_assert_cmpstr (summary, ==, "两家因排水沟堵塞发生争执。");
  g_assert_cmpint (desk_person_picker_get_person_id (party_picker (editor, 2)), ==, f->li_si);

  /* Finished, it saves, under 东坪's numbers. */
  type_into (editor, "closed-on", "2026-11-05");
  choose (editor, "agreement-form", "口头");
  write_text (editor, "agreement-content", "李四疏通排水沟。");
  type_into (editor, "performance-manner", "当场履行");
  type_into (editor, "performance-term", "当日");
  save (editor);
  g_assert_null (find_editor ());
  g_assert_cmpint (count (f, "SELECT count(*) FROM mediation_cases WHERE number ="
                             " '（2026）东坪人调字第1号' AND agreement_amount = 1234"
                             " AND party_count = 30 AND party_count_manual = 1"
                             " AND status = '调解成功' AND closed_on = '2026-11-05'"), ==, 1);
}

static void
test_new_party_registered (Fixture       *f,
                           gconstpointer  data)
{
  DeskCaseEditor *editor = open_new (f);
  DeskPersonPicker *picker;
  g_autoptr(DeskCase) saved = NULL;
  g_autoptr(DeskPerson) person = NULL;

  fill_acceptance (editor);
  /* A third party not in the register: typed, Enter offers to register. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-party", NULL));
  picker = party_picker (editor, 3);
  type_into (picker, "person-entry", "王五");
  wait_for_search (picker);
  press_enter (picker, "person-entry");
  g_assert_true (desk_person_picker_get_has_new_person (picker));
  g_assert_cmpstr (text_of (picker, "person-name"), ==, "王五");
  type_into (picker, "person-phone", "1380013800");
  press_enter (picker, "person-phone");
  g_assert_true (shows_error (picker, "person-phone", "person-phone-error"));
  save (editor);
  g_assert_true (find_editor () == editor);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM mediation_cases"), ==, 0);
  type_into (picker, "person-phone", "13800138001");
  save (editor);
  g_assert_null (find_editor ());
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, 4);
  saved = desk_case_get (f->store, desk_case_find_by_number (f->store,
                                                             "（2026）青山人调字第1号"), NULL);
  g_assert_nonnull (saved);
  g_assert_cmpuint (saved->parties->len, ==, 3);
  person = desk_person_get (f->store, g_array_index (saved->parties, DeskCaseParty, 2).person_id,
                            NULL);
  g_assert_cmpstr (person->name, ==, "王五");
  g_assert_cmpstr (person->phone, ==, "13800138001");
  g_assert_cmpint (saved->party_count, ==, 3);
}

static void
test_status_flow (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(DeskCase) c = make_case (f, "2026-11-02");
  gint64 id = create_case (f, c, DESK_CASE_WRITE_DEFAULT);
  const char *number = "（2026）青山人调字第1号";
  DeskCaseEditor *editor;
  DeskPreferencesDialog *form;
  g_autoptr(DeskCase) saved = NULL;
  g_autofree char *statuses = NULL;

  g_assert_cmpstr (c->number, ==, number);

  /* 已受理: shown with its number, which no field can change. */
  editor = open_existing (f, id);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "调解案件 （2026）青山人调字第1号");
  g_assert_cmpstr (text_of (editor, "case-number"), ==, number);
  g_assert_true (GTK_IS_LABEL (named (editor, "case-number")));
  g_assert_false (gtk_widget_is_sensitive (named (editor, "committee")));
  g_assert_false (desk_case_editor_get_modified (editor));
  g_assert_true (gtk_widget_get_visible (named (editor, "editor-delete")));
  statuses = choices (editor, "status");
  g_assert_cmpstr (statuses, ==, "已受理|调解中|调解成功|调解不成功|终止");
  g_clear_pointer (&statuses, g_free);
  choose (editor, "status", "调解中");
  g_assert_false (gtk_widget_is_sensitive (named (editor, "closed-on")));
  save (editor);
  g_assert_null (find_editor ());
  g_assert_cmpint (count (f, "SELECT count(*) FROM mediation_cases WHERE status = '调解中'"),
                   ==, 1);

  /* 调解中: never back to 已受理. */
  editor = open_existing (f, id);
  statuses = choices (editor, "status");
  g_assert_cmpstr (statuses, ==, "调解中|调解成功|调解不成功|终止");
  g_clear_pointer (&statuses, g_free);
  g_assert_cmpstr (text_of (editor, "status-hint"), ==, "下一步：调解成功、调解不成功或终止，并填写结案日期");
  choose (editor, "status", "调解成功");
  type_into (editor, "closed-on", "2026-11-09");
  choose (editor, "agreement-form", "书面");
  write_text (editor, "agreement-content", "李四疏通排水沟并赔偿200元。");
  type_into (editor, "agreement-amount", "200");
  type_into (editor, "performance-manner", "一次性付清");
  type_into (editor, "performance-term", "2026-11-30前");
  save (editor);
  g_assert_null (find_editor ());

  /* 调解成功: the agreement is shown; a visit is added. */
  editor = open_existing (f, id);
  g_assert_cmpstr (text_of (editor, "case-number"), ==, number);
  g_assert_cmpstr (text_of (editor, "agreement-amount"), ==, "200.00");
  g_assert_true (gtk_widget_get_visible (named (editor, "visits")));
  g_assert_true (gtk_widget_get_visible (named (editor, "visits-empty")));
  statuses = choices (editor, "status");
  g_assert_cmpstr (statuses, ==, "调解中|调解成功|调解不成功|终止");
  g_clear_pointer (&statuses, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-visit", NULL));
  form = find_visit_form ();
  g_assert_nonnull (form);
  /* A visit before the case closed is refused beside its date. */
  gtk_editable_set_text (GTK_EDITABLE (desk_preferences_dialog_get_row (form, "回访日期")),
                         "2026-11-08");
  g_assert_true (desk_preferences_dialog_save (form) == FALSE);
  g_assert_cmpstr (desk_preferences_dialog_get_message (form, "回访日期"), ==,
                   "不能早于结案日期（2026-11-09）");
  gtk_editable_set_text (GTK_EDITABLE (desk_preferences_dialog_get_row (form, "回访日期")),
                         "2026-11-21");
  iterate ();
  g_assert_null (desk_preferences_dialog_get_message (form, "回访日期"));
  g_assert_true (desk_preferences_dialog_save (form));
  iterate ();
  /* 结案日期 after the visit: said beside 结案日期 */
  type_into (editor, "closed-on", "2026-11-22");
  g_assert_true (shows_error (editor, "closed-on", "closed-on-error"));
  g_assert_cmpstr (text_of (editor, "closed-on-error"), ==, "2026-11-21的回访早于该日期");
  type_into (editor, "closed-on", "2026-11-09");
  g_assert_false (shows_error (editor, "closed-on", "closed-on-error"));
  save (editor);
  g_assert_null (find_editor ());
  g_assert_cmpint (count (f, "SELECT count(*) FROM case_visits WHERE deleted_at IS NULL"), ==, 1);

  /* With a visit, the outcome stays unless the visit goes. */
  editor = open_existing (f, id);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "调解案件 （2026）青山人调字第1号");
  choose (editor, "status", "调解不成功");
  g_assert_false (gtk_widget_get_visible (named (editor, "visits")));
  save (editor);
  g_assert_true (find_editor () == editor);
  g_assert_true (shows_error (editor, "status", "status-error"));
  choose (editor, "status", "调解成功");
  desk_visit_list_remove (DESK_VISIT_LIST (named (editor, "visit-list")), 0);
  iterate ();
  choose (editor, "status", "调解不成功");
  save (editor);
  g_assert_null (find_editor ());
  saved = desk_case_get (f->store, id, NULL);
  g_assert_cmpint (saved->status, ==, DESK_CASE_FAILED);
  g_assert_cmpstr (saved->number, ==, number);
  /* What only a success has is not kept. */
  g_assert_null (saved->agreement_form);
  g_assert_cmpint (saved->agreement_amount, ==, DESK_CASE_NO_AMOUNT);
  g_assert_cmpint (count (f, "SELECT count(*) FROM case_visits WHERE deleted_at IS NULL"), ==, 0);

  /* A core refusal goes beside the field it names: the year is in the
   * number. */
  editor = open_existing (f, id);
  type_into (editor, "accepted-on", "2025-12-30");
  save (editor);
  g_assert_true (find_editor () == editor);
  g_assert_true (shows_error (editor, "accepted-on", "accepted-on-error"));
  g_assert_cmpstr (text_of (editor, "accepted-on-error"), ==,
                   "已登记案件的受理年份不能更改，案号中的年份为2026");
  g_assert_cmpstr (text_of (editor, "accepted-on"), ==, "2025-12-30");
  g_assert_cmpstr (text_of (editor, "case-number"), ==, number);
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate ();
  g_assert_cmpint (count (f, "SELECT count(*) FROM mediation_cases"), ==, 1);
  g_assert_cmpint (desk_case_find_by_number (f->store, number), ==, id);
}

static void
test_from_consultation (Fixture       *f,
                        gconstpointer  data)
{
  DeskConsultationEditor *consultation;
  DeskCaseEditor *editor;
  DeskPersonPicker *picker;
  g_autoptr(DeskCase) saved = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *role = NULL;
  gint64 consultation_id;

  /* The clerk logs a visit that goes on to mediation. */
  desk_window_show_page (f->window, "consultations");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-record", NULL));
  consultation = find_toplevel (DESK_TYPE_CONSULTATION_EDITOR);
  g_assert_nonnull (consultation);
  picker = DESK_PERSON_PICKER (named (consultation, "person"));
  type_into (picker, "person-entry", "张三");
  press_enter (picker, "person-entry");
  wait_for_search (picker);
  choose (consultation, "staff", "李明");
  choose (consultation, "category", "邻里关系");
  write_text (consultation, "content", "邻居改道排水沟，雨水流入院内。");
  write_text (consultation, "reply", "建议申请人民调解。");
  choose (consultation, "result", "引导人民调解");
  g_assert_true (gtk_widget_get_visible (named (consultation, "result-hint")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (consultation), "editor.save", NULL));
  iterate ();
  consultation_id = desk_consultation_editor_get_consultation_id (consultation);
  g_assert_cmpint (consultation_id, >, 0);
  /* The saved form offers the case; taking it opens the case's form. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (consultation), "editor.follow-up",
                                             NULL));
  iterate ();
  g_assert_null (find_toplevel (DESK_TYPE_CONSULTATION_EDITOR));
  editor = find_editor ();
  g_assert_nonnull (editor);

  /* The visitor is the 申请人, the content the summary. */
  g_assert_cmpint (desk_person_picker_get_person_id (party_picker (editor, 1)), ==,
                   f->zhang_san);
  role = chosen (named (editor, "party-1"), "party-role");
  g_assert_cmpstr (role, ==, "申请人");
  summary = text_view_text (editor, "summary");
  g_assert_cmpstr (summary, ==, "邻居改道排水沟，雨水流入院内。");
  g_assert_cmpstr (text_of (editor, "accepted-on"), ==, "2026-11-23");
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (named (editor,
                                                                          "editor-title"))),
                   ==, "来自咨询 ZX2026-0001");
  g_assert_false (desk_case_editor_get_modified (editor));

  choose (editor, "committee", "青山镇人民调解委员会");
  choose (editor, "registrar", "李明");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (named (editor, "mediator-李秀英")), TRUE);
  choose (editor, "source", "当事人申请");
  choose (editor, "dispute-type", "邻里纠纷");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-party", NULL));
  pick_party (editor, 2, "李四");
  save (editor);
  g_assert_null (find_editor ());

  saved = desk_case_get (f->store, desk_case_find_by_number (f->store,
                                                             "（2026）青山人调字第1号"), NULL);
  g_assert_nonnull (saved);
  g_assert_cmpint (saved->consultation_id, ==, consultation_id);
  g_assert_cmpstr (saved->summary, ==, "邻居改道排水沟，雨水流入院内。");
  g_assert_cmpint (g_array_index (saved->parties, DeskCaseParty, 0).person_id, ==, f->zhang_san);
  g_assert_cmpint (desk_test_query_int (f->store, "SELECT case_id FROM consultations"), ==,
                   saved->id);
}

static void
test_old_ledger_fields_asked (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(DeskCase) c = make_case (f, "2026-03-02");
  DeskCaseEditor *editor;
  g_autoptr(DeskCase) saved = NULL;
  gint64 id;

  /* An old ledger's success without its agreement */
  c->status = DESK_CASE_SUCCEEDED;
  c->closed_on = g_strdup ("2026-03-20");
  id = create_case (f, c, DESK_CASE_WRITE_LENIENT);

  editor = open_existing (f, id);
  g_assert_true (gtk_widget_get_visible (named (editor, "editor-missing")));
  g_assert_nonnull (strstr (text_of (editor, "editor-missing"),
                            "协议形式、协议内容、协议涉及金额、履行方式、履行期限"));
  g_assert_true (shows_error (editor, "agreement-form", "agreement-form-error"));
  g_assert_cmpstr (text_of (editor, "agreement-form-error"), ==, "旧台账未填写，请补充");
  g_assert_true (shows_error (editor, "agreement-amount", "agreement-amount-error"));
  g_assert_true (shows_error (editor, "performance-term", "performance-term-error"));
  g_assert_false (desk_case_editor_get_modified (editor));

  /* Editing asks for them. */
  write_text (editor, "request", "请求疏通排水沟。");
  save (editor);
  g_assert_true (find_editor () == editor);
  g_assert_true (shows_error (editor, "agreement-form", "agreement-form-error"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM mediation_cases WHERE request IS NULL"), ==, 1);

  choose (editor, "agreement-form", "口头");
  g_assert_false (shows_error (editor, "agreement-form", "agreement-form-error"));
  write_text (editor, "agreement-content", "李四疏通排水沟。");
  type_into (editor, "agreement-amount", "0");
  g_assert_false (shows_error (editor, "agreement-amount", "agreement-amount-error"));
  type_into (editor, "performance-manner", "当场履行");
  type_into (editor, "performance-term", "当日");
  save (editor);
  g_assert_null (find_editor ());
  saved = desk_case_get (f->store, id, NULL);
  g_assert_cmpstr (saved->agreement_form, ==, "口头");
  g_assert_cmpint (saved->agreement_amount, ==, 0);
  g_assert_cmpstr (saved->request, ==, "请求疏通排水沟。");
  g_assert_cmpstr (saved->number, ==, "（2026）青山人调字第1号");

  editor = open_existing (f, id);
  g_assert_false (gtk_widget_get_visible (named (editor, "editor-missing")));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(DeskCase) c = make_case (f, "2026-11-02");
  gint64 id = create_case (f, c, DESK_CASE_WRITE_DEFAULT);
  DeskCaseEditor *editor = open_existing (f, id);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (find_dialog ()),
                            "（2026）青山人调字第1号"));
  answer ("cancel");
  g_assert_true (find_editor () == editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL));
  answer ("delete");
  iterate ();
  g_assert_null (find_editor ());
  g_assert_cmpint (desk_case_find_by_number (f->store, "（2026）青山人调字第1号"), ==, 0);

  /* A new case cannot be deleted, and the next number goes on. */
  editor = open_new (f);
  g_assert_false (gtk_widget_get_visible (named (editor, "editor-delete")));
  fill_acceptance (editor);
  save (editor);
  g_assert_null (find_editor ());
  g_assert_cmpint (desk_case_find_by_number (f->store, "（2026）青山人调字第2号"), >, 0);
}

/* The named field that holds the focus (the field, not its inner text). */
static const char *
focused_field (DeskCaseEditor *editor)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (editor));

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *name = gtk_widget_get_name (w);

      if (!g_str_has_prefix (name, "Gtk") && !g_str_has_prefix (name, "Adw"))
        return name;
    }
  return NULL;
}

static void
test_tab_order (Fixture       *f,
                gconstpointer  data)
{
  DeskCaseEditor *editor = open_new (f);
  const char *forward[] = {
    "committee", "accepted-on", "registrar", "mediator-王建华", "mediator-李秀英", "source",
    "dispute-type", "difficulty", "risk", "party-role", "person-entry", "person-new",
    "party-remove", "party-add", "party-count", "summary", "request", "status", "closed-on",
    "agreement-form", "agreement-content", "agreement-amount", "performance-manner",
    "performance-term", "performance", "confirmed-on", "prevent-suicide", "prevent-criminal",
    "prevent-petition", "prevent-fight", "retention", "filed-on", "visit-add", "editor-save",
  };

  /* Tab follows the paper form, through the blocks a success opens. */
  choose (editor, "committee", "青山镇人民调解委员会");
  choose (editor, "status", "调解成功");
  /* Tab goes by where the fields are: the blocks just shown are laid out
   * first (on a busy machine that may take a while). */
  WAIT_UNTIL (gtk_widget_get_mapped (named (editor, "agreement-form")));
  wait_frames (GTK_WIDGET (editor), 3);
  gtk_widget_grab_focus (named (editor, "committee"));
  for (guint i = 0; i < G_N_ELEMENTS (forward); i++)
    {
      g_assert_cmpstr (focused_field (editor), ==, forward[i]);
      tab (editor);
    }
  g_assert_cmpstr (focused_field (editor), ==, "committee");

  /* While the case is open, 结案日期 and the agreement are passed over. */
  choose (editor, "status", "调解中");
  gtk_widget_grab_focus (named (editor, "status"));
  tab (editor);
  g_assert_cmpstr (focused_field (editor), ==, "prevent-suicide");
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_opened_from_the_dashboard (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(DeskCase) c = make_case (f, "2026-10-01");
  gint64 id = create_case (f, c, DESK_CASE_WRITE_DEFAULT);
  GtkWidget *page;
  DeskCaseEditor *editor;

  /* A case past its time limit, opened from the 工作台's list */
  desk_window_show_page (f->window, "dashboard");
  page = find_type (GTK_WIDGET (f->window), DESK_TYPE_DASHBOARD_PAGE);
  g_assert_nonnull (page);
  g_signal_emit_by_name (page, "open-record", "mediation_case", id);
  iterate ();
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpint (desk_case_editor_get_case_id (editor), ==, id);
  g_assert_cmpstr (text_of (editor, "case-number"), ==, "（2026）青山人调字第1号");
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate ();

  /* A case that is gone says so, and no form opens. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-case", "x",
                                             id + 100));
  g_assert_null (find_editor ());
}

int
main (int    argc,
      char **argv)
{
  int status;

  app = start_app (&argc, &argv);
  if (app == NULL)
    return 0;

#define ADD(path, func) \
  g_test_add ("/case-editor/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("ctrl-n-on-the-cases-page", test_ctrl_n_on_the_cases_page);
  ADD ("keys", test_keys);
  ADD ("keyboard-only", test_keyboard_only);
  ADD ("validation", test_validation);
  ADD ("new-party-registered", test_new_party_registered);
  ADD ("status-flow", test_status_flow);
  ADD ("from-consultation", test_from_consultation);
  ADD ("old-ledger-fields-asked", test_old_ledger_fields_asked);
  ADD ("delete", test_delete);
  ADD ("opened-from-the-dashboard", test_opened_from_the_dashboard);
  ADD ("tab-order", test_tab_order);
#undef ADD

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
