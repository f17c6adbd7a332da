/* test-party-organisation.c — organisations (法人 / 非法人组织) as the
 * parties of a mediation case, registered inline in the case editor's party
 * rows, and refused where the party must be a natural person (a
 * consultation's visitor, a legal-aid applicant).  Driven through the real
 * widgets under a virtual display: text typed into the field that has the
 * focus, Enter as the entries' "activate", the list's keys as the picker's
 * actions.  What is checked is what the clerk sees and what the ledger
 * holds afterwards. */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "desk-aid-editor.h"
#include "desk-application.h"
#include "desk-case-editor.h"
#include "desk-codes.h"
#include "desk-consultation-editor.h"
#include "desk-form.h"
#include "desk-mediation.h"
#include "desk-person-picker.h"
#include "desk-person.h"
#include "desk-register.h"
#include "desk-test-gui.h"
#include "desk-test-util.h"
#include "desk-validate.h"
#include "desk-window.h"

static DeskApplication *app;

typedef struct
{
  DeskWindow *window;
  DeskStore  *store;        /* the window's */
  gint64      zhang_san;    /* a person */
  gint64      company;      /* 青山建筑有限公司 */
  char        company_code[19];
} Fixture;

/* A right credit code: @first17 and its check character. */
static void
credit_code (char       *code,
             const char *first17)
{
  g_snprintf (code, 19, "%s%c", first17, desk_credit_code_check_character (first17));
}

/* Widgets and the main loop */

static DeskCaseEditor *
find_case_editor (void)
{
  return find_toplevel (DESK_TYPE_CASE_EDITOR);
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

static gboolean
shown (gpointer    root,
       const char *name)
{
  return gtk_widget_is_visible (named (root, name));
}

static GtkListBoxRow *
result_row (DeskPersonPicker *picker,
            int               index)
{
  return gtk_list_box_get_row_at_index (GTK_LIST_BOX (named (picker, "person-results")), index);
}

/* The text of a row of the list: its labels, joined with "|". */
static char *
row_text (GtkListBoxRow *row)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GtkWidget *box = gtk_list_box_row_get_child (row);

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child))
      {
        if (out->len > 0)
          g_string_append_c (out, '|');
        g_string_append (out, gtk_label_get_text (GTK_LABEL (child)));
      }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static int
selected_row (DeskPersonPicker *picker)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (named (picker,
                                                                            "person-results")));

  return row ? gtk_list_box_row_get_index (row) : -1;
}

/* Whether the new entry is said to be an organisation. */
static gboolean
org_chosen (DeskPersonPicker *picker)
{
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (named (picker,
                                                                 "person-kind-organisation")));
}

/* Whether any row of the list offers to register an organisation. */
static gboolean
offers_organisation (DeskPersonPicker *picker)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = result_row (picker, i)) != NULL; i++)
    {
      g_autofree char *text = row_text (row);

      if (strstr (text, "法人或非法人组织）") != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
save_case (DeskCaseEditor *editor)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  iterate ();
}

/* The ledger */

static gint64
count (Fixture    *f,
       const char *sql)
{
  return desk_test_query_int (f->store, sql);
}

static gint64
add_committee (DeskStore *store)
{
  g_autoptr(DeskCommittee) committee = desk_committee_new ();
  g_autoptr(GError) error = NULL;

  committee->name = g_strdup ("青山镇人民调解委员会");
  committee->short_name = g_strdup ("青山");
  committee->type_id = desk_codes_find (store, DESK_CODE_COMMITTEE_TYPE, "乡镇调委会");
  desk_committee_create (store, committee, &error);
  g_assert_no_error (error);
  return committee->id;
}

static void
add_mediator (DeskStore *store,
              gint64     committee)
{
  g_autoptr(DeskMediator) mediator = desk_mediator_new ();
  g_autoptr(GError) error = NULL;

  mediator->name = g_strdup ("王建华");
  mediator->committee_id = committee;
  desk_mediator_create (store, mediator, &error);
  g_assert_no_error (error);
}

static gint64
add_person (DeskStore      *store,
            DeskPersonKind  kind,
            const char     *name,
            const char     *id_number)
{
  g_autoptr(DeskPerson) person = desk_person_new ();
  g_autoptr(GError) error = NULL;

  person->kind = kind;
  person->name = g_strdup (name);
  person->id_number = g_strdup (id_number);
  if (kind == DESK_PERSON_ORGANISATION)
    {
      person->legal_rep = g_strdup ("刘建国");
      person->phone = g_strdup ("0797-6123456");
    }
  desk_person_create (store, person, &error);
  g_assert_no_error (error);
  return person->id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static int n;
  g_autofree char *name = g_strdup_printf ("party-organisation-%d.db", ++n);
  g_autofree char *path = desk_test_path (name);
  DeskStore *store = desk_test_open_store (name);
  gint64 committee;

  add_staff (store, "李明");
  committee = add_committee (store);
  add_mediator (store, committee);
  f->zhang_san = add_person (store, DESK_PERSON_NATURAL, "张三", "360426199101010071");
  credit_code (f->company_code, "91360426MA35A0B0X");
  f->company = add_person (store, DESK_PERSON_ORGANISATION, "青山建筑有限公司", f->company_code);
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
  g_assert_null (find_case_editor ());
}

/* A new case with its first part filled and 张三 as 申请人; a second row
 * added, the focus in it, its role 被申请人. */
static DeskCaseEditor *
open_case_with_respondent_row (Fixture *f)
{
  DeskCaseEditor *editor;
  DeskPersonPicker *picker;
  g_autofree char *role = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-record", NULL));
  editor = find_case_editor ();
  g_assert_nonnull (editor);
  choose (editor, "committee", "青山镇人民调解委员会");
  choose (editor, "registrar", "李明");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (named (editor, "mediator-王建华")), TRUE);
  choose (editor, "source", "当事人申请");
  choose (editor, "dispute-type", "合同纠纷");
  write_text (editor, "summary", "张三为宏达商贸运送货物，运费未结。");

  gtk_widget_grab_focus (GTK_WIDGET (party_picker (editor, 1)));
  picker = party_picker (editor, 1);
  type_into (picker, "person-entry", "张三");
  press_enter (picker, "person-entry");
  wait_for_search (picker);
  g_assert_cmpint (desk_person_picker_get_person_id (picker), ==, f->zhang_san);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-party", NULL));
  role = chosen (named (editor, "party-2"), "party-role");
  g_assert_cmpstr (role, ==, "被申请人");
  g_assert_true (has_focus_in (editor, party_picker (editor, 2), "person-entry"));
  return editor;
}

/* Tests */

static void
test_name_guess (void)
{
  const char *organisations[] = {
    "九江宏达商贸有限公司", "青山镇东坪村农机专业合作社", "青山镇东坪村村民委员会",
    "青山镇中心小学", "青山县人民医院", "青山镇红星砖瓦厂", "华联超市（青山店）",
    "青山镇为民便利店", "青山律师事务所", "东坪村经济合作社", "青山镇综合文化站",
  };
  const char *people[] = { "张三", "欧阳建国", "张中心", "王店", "李有限", "司马相如", "" };
  char code[19];

  for (guint i = 0; i < G_N_ELEMENTS (organisations); i++)
    g_assert_true (desk_form_looks_like_organisation (organisations[i]));
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    g_assert_false (desk_form_looks_like_organisation (people[i]));
  g_assert_false (desk_form_looks_like_organisation (NULL));

  credit_code (code, "91360402MA35ABCD1");
  g_assert_true (desk_form_looks_like_credit_code (code));
  /* An ID number is not taken for a code, nor a code with a wrong check. */
  g_assert_false (desk_form_looks_like_credit_code ("360426199101010071"));
  code[17] = code[17] == '0' ? '1' : '0';
  g_assert_false (desk_form_looks_like_credit_code (code));
}

/* The 被申请人 typed as a new organisation, its fields filled by keyboard,
 * a wrong credit code said as typed with the text kept, and the case saved
 * with the organisation registered in the same write. */
static void
test_register_inline (Fixture       *f,
                      gconstpointer  data)
{
  DeskCaseEditor *editor = open_case_with_respondent_row (f);
  DeskPersonPicker *picker = party_picker (editor, 2);
  g_autoptr(DeskCase) saved = NULL;
  g_autoptr(DeskPerson) org = NULL;
  g_autofree char *offer = NULL;
  g_autofree char *other = NULL;
  g_autofree char *wrong = NULL;
  char code[19];
  gint64 people = count (f, "SELECT count(*) FROM people");

  credit_code (code, "91360402MA35ABCD1");
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (named (picker, "person-entry"))),
                   ==, "输入姓名、名称、证件号码、信用代码或电话查找");

  /* No one matches; the name reads as a company's, so registering it as
   * an organisation is offered first, and taken by Enter. */
  type_into (picker, "person-entry", "九江宏达商贸有限公司");
  wait_for_search (picker);
  offer = row_text (result_row (picker, 1));
  other = row_text (result_row (picker, 2));
  g_assert_cmpstr (offer, ==, "登记新当事人“九江宏达商贸有限公司”（法人或非法人组织）");
  g_assert_cmpstr (other, ==, "登记新当事人“九江宏达商贸有限公司”（自然人）");
  g_assert_cmpint (selected_row (picker), ==, 1);
  press_enter (picker, "person-entry");
  g_assert_true (desk_person_picker_get_has_new_person (picker));

  /* The organisation's fields, and none of a person's */
  g_assert_true (shown (picker, "person-kind"));
  g_assert_true (org_chosen (picker));
  g_assert_true (shown (picker, "person-legal-rep"));
  g_assert_true (shown (picker, "person-address"));
  g_assert_false (shown (picker, "person-sex"));
  g_assert_false (shown (picker, "person-birth-date"));
  g_assert_false (shown (picker, "person-village"));
  g_assert_false (shown (picker, "person-kind-hint"));
  g_assert_cmpstr (text_of (picker, "person-name-label"), ==, "名称");
  g_assert_cmpstr (text_of (picker, "person-id-number-label"), ==, "统一社会信用代码");
  g_assert_cmpstr (text_of (picker, "person-phone-label"), ==, "电话");
  g_assert_cmpstr (text_of (picker, "person-legal-rep-label"), ==, "法定代表人");
  g_assert_cmpstr (text_of (picker, "person-address-label"), ==, "地址");
  g_assert_cmpstr (text_of (picker, "person-name"), ==, "九江宏达商贸有限公司");
  g_assert_true (has_focus_in (editor, picker, "person-id-number"));

  /* The credit code, as typed: nothing said while it is short... */
  type_into (picker, "person-id-number", "91360402MA35");
  g_assert_false (shows_error (picker, "person-id-number", "person-id-number-error"));
  /* ...at once for a letter no code has... */
  type_into (picker, "person-id-number", "91360402MA35I");
  g_assert_true (shows_error (picker, "person-id-number", "person-id-number-error"));
  g_assert_cmpstr (text_of (picker, "person-id-number-error"), ==,
                   "统一社会信用代码中不能有“I”（不使用字母I、O、S、V、Z）");
  /* ...and for a wrong check character once it is whole; the text stays. */
  wrong = g_strdup (code);
  wrong[17] = code[17] == '0' ? '1' : '0';
  type_into (picker, "person-id-number", wrong);
  g_assert_true (shows_error (picker, "person-id-number", "person-id-number-error"));
  g_assert_nonnull (strstr (text_of (picker, "person-id-number-error"), "校验"));
  g_assert_cmpstr (text_of (picker, "person-id-number"), ==, wrong);
  press_enter (picker, "person-id-number");
  g_assert_cmpstr (text_of (picker, "person-id-number"), ==, wrong);

  /* Saving with it is refused: nothing written, nothing lost. */
  save_case (editor);
  g_assert_true (find_case_editor () == editor);
  g_assert_true (shows_error (picker, "person-id-number", "person-id-number-error"));
  g_assert_cmpstr (text_of (picker, "person-id-number"), ==, wrong);
  g_assert_cmpint (count (f, "SELECT count(*) FROM mediation_cases"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, people);

  /* Right, in lower case: Enter moves on through 法定代表人, 电话, 地址. */
  {
    g_autofree char *lower = g_ascii_strdown (code, -1);

    type_into (picker, "person-id-number", lower);
  }
  g_assert_false (shows_error (picker, "person-id-number", "person-id-number-error"));
  gtk_widget_grab_focus (named (picker, "person-id-number"));
  press_enter (picker, "person-id-number");
  g_assert_true (has_focus_in (editor, picker, "person-legal-rep"));
  type_into (picker, "person-legal-rep", "陈宏达");
  press_enter (picker, "person-legal-rep");
  g_assert_true (has_focus_in (editor, picker, "person-phone"));
  type_into (picker, "person-phone", "0792-8123456");
  press_enter (picker, "person-phone");
  g_assert_true (has_focus_in (editor, picker, "person-address"));
  type_into (picker, "person-address", "九江市濂溪区十里大道18号");
  press_enter (picker, "person-address");
  g_assert_false (has_focus_in (editor, picker, "person-new-card"));

  save_case (editor);
  g_assert_null (find_case_editor ());
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, people + 1);
  saved = desk_case_get (f->store, desk_case_find_by_number (f->store,
                                                             "（2026）青山人调字第1号"), NULL);
  g_assert_nonnull (saved);
  g_assert_cmpuint (saved->parties->len, ==, 2);
  g_assert_cmpint (g_array_index (saved->parties, DeskCaseParty, 0).person_id, ==,
                   f->zhang_san);
  g_assert_cmpint (g_array_index (saved->parties, DeskCaseParty, 1).role, ==,
                   DESK_CASE_RESPONDENT);
  org = desk_person_get (f->store, g_array_index (saved->parties, DeskCaseParty, 1).person_id,
                         NULL);
  g_assert_nonnull (org);
  g_assert_cmpint (org->kind, ==, DESK_PERSON_ORGANISATION);
  g_assert_cmpstr (org->name, ==, "九江宏达商贸有限公司");
  g_assert_cmpstr (org->id_type, ==, "统一社会信用代码");
  g_assert_cmpstr (org->id_number, ==, code);
  g_assert_cmpstr (org->legal_rep, ==, "陈宏达");
  g_assert_cmpstr (org->phone, ==, "0792-8123456");
  g_assert_cmpstr (org->address, ==, "九江市濂溪区十里大道18号");
  g_assert_cmpint (org->sex, ==, DESK_SEX_UNKNOWN);
  g_assert_null (org->birth_date);
  g_assert_cmpint (org->village_id, ==, 0);
}

/* A credit code already registered offers that organisation instead; saving
 * is refused until the clerk takes it. */
static void
test_duplicate_code (Fixture       *f,
                     gconstpointer  data)
{
  DeskCaseEditor *editor = open_case_with_respondent_row (f);
  DeskPersonPicker *picker = party_picker (editor, 2);
  g_autoptr(DeskCase) saved = NULL;
  g_autofree char *expected = NULL;
  gint64 people = count (f, "SELECT count(*) FROM people");

  type_into (picker, "person-entry", "青山镇建材厂");
  wait_for_search (picker);
  press_enter (picker, "person-entry");
  g_assert_true (org_chosen (picker));
  g_assert_false (shown (picker, "person-duplicate"));
  type_into (picker, "person-id-number", f->company_code);
  g_assert_true (shown (picker, "person-duplicate"));
  expected = g_strdup_printf ("该统一社会信用代码已登记为 青山建筑有限公司（法人或非法人组织 · %s ·"
                              " 法定代表人 刘建国 · 0797-6123456），使用此单位？",
                              f->company_code);
  g_assert_cmpstr (text_of (picker, "person-duplicate-message"), ==, expected);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (named (picker, "person-use-existing"))),
                   ==, "使用此单位(_U)");
  /* Enter on the code goes to the offer. */
  press_enter (picker, "person-id-number");
  g_assert_true (has_focus_in (editor, picker, "person-use-existing"));

  save_case (editor);
  g_assert_true (find_case_editor () == editor);
  g_assert_cmpstr (text_of (picker, "person-id-number-error"), ==, "已登记过，见下方");
  g_assert_cmpint (count (f, "SELECT count(*) FROM mediation_cases"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, people);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (picker), "picker.use-existing", NULL));
  iterate ();
  g_assert_cmpint (desk_person_picker_get_person_id (picker), ==, f->company);
  g_assert_false (desk_person_picker_get_has_new_person (picker));
  g_assert_cmpstr (text_of (picker, "person-entry"), ==, "青山建筑有限公司");
  save_case (editor);
  g_assert_null (find_case_editor ());
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, people);
  saved = desk_case_get (f->store, desk_case_find_by_number (f->store,
                                                             "（2026）青山人调字第1号"), NULL);
  g_assert_nonnull (saved);
  g_assert_cmpint (g_array_index (saved->parties, DeskCaseParty, 1).person_id, ==, f->company);
}

/* A registered organisation is found by name and shown as one. */
static void
test_found_as_organisation (Fixture       *f,
                            gconstpointer  data)
{
  DeskCaseEditor *editor = open_case_with_respondent_row (f);
  DeskPersonPicker *picker = party_picker (editor, 2);
  g_autofree char *row = NULL;
  g_autofree char *expected = NULL;

  type_into (picker, "person-entry", "建筑");
  wait_for_search (picker);
  row = row_text (result_row (picker, 0));
  expected = g_strdup_printf ("青山建筑有限公司|法人或非法人组织 · %s · 法定代表人 刘建国 · "
                              "0797-6123456", f->company_code);
  g_assert_cmpstr (row, ==, expected);
  g_assert_cmpint (selected_row (picker), ==, 0);
  press_enter (picker, "person-entry");
  g_assert_cmpint (desk_person_picker_get_person_id (picker), ==, f->company);
  g_assert_cmpstr (text_of (picker, "person-details"), ==, strchr (expected, '|') + 1);
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate ();
}

/* The kind follows the guess, and the clerk corrects it: from the list
 * (Down, Enter) or with the switch at the top of the fields, reached by
 * Shift+Tab from the name.  What was typed stays and is judged anew. */
static void
test_kind_switch (Fixture       *f,
                  gconstpointer  data)
{
  DeskCaseEditor *editor = open_case_with_respondent_row (f);
  DeskPersonPicker *picker = party_picker (editor, 2);
  char code[19];

  credit_code (code, "92360426MA35C0D0Y");
  /* A person's name: the person first, the organisation second. */
  type_into (picker, "person-entry", "王五");
  wait_for_search (picker);
  g_assert_cmpint (selected_row (picker), ==, 1);
  g_assert_true (offers_organisation (picker));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (picker), "picker.select-next", NULL));
  g_assert_cmpint (selected_row (picker), ==, 2);
  press_enter (picker, "person-entry");
  g_assert_true (org_chosen (picker));
  g_assert_true (shown (picker, "person-legal-rep"));

  /* Back to a person with the switch: the fields of a person. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (named (picker, "person-kind-natural")), TRUE);
  iterate ();
  g_assert_true (shown (picker, "person-sex"));
  g_assert_true (shown (picker, "person-village"));
  g_assert_false (shown (picker, "person-legal-rep"));
  g_assert_false (shown (picker, "person-address"));
  g_assert_cmpstr (text_of (picker, "person-name-label"), ==, "姓名");
  g_assert_cmpstr (text_of (picker, "person-id-number-label"), ==, "证件号码");

  /* A name that reads as an organisation's is pointed out, not refused. */
  type_into (picker, "person-name", "东坪村农机专业合作社");
  g_assert_true (shown (picker, "person-kind-hint"));
  g_assert_nonnull (strstr (text_of (picker, "person-kind-hint"), "法人或非法人组织"));
  /* A credit code is no ID number: said wrong for a person... */
  type_into (picker, "person-id-number", code);
  g_assert_true (shows_error (picker, "person-id-number", "person-id-number-error"));
  /* ...and right once the switch, reached from the name with Shift+Tab,
   * says it is an organisation. */
  gtk_widget_grab_focus (named (picker, "person-name"));
  /* GTK orders Tab by where the widgets are drawn: after the layout. */
  wait_frames (GTK_WIDGET (editor), 2);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (editor), GTK_DIR_TAB_BACKWARD));
  g_assert_true (has_focus_in (editor, picker, "person-kind-organisation"));
  g_signal_emit_by_name (named (picker, "person-kind-organisation"), "clicked");
  iterate ();
  g_assert_true (org_chosen (picker));
  g_assert_false (shows_error (picker, "person-id-number", "person-id-number-error"));
  g_assert_false (shown (picker, "person-kind-hint"));
  g_assert_false (shown (picker, "person-sex"));
  g_assert_cmpstr (text_of (picker, "person-id-number"), ==, code);
  g_assert_cmpstr (text_of (picker, "person-name"), ==, "东坪村农机专业合作社");

  save_case (editor);
  g_assert_null (find_case_editor ());
  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE kind = 'org'"
                             " AND name = '东坪村农机专业合作社'"
                             " AND id_type = '统一社会信用代码'"), ==, 1);
}

/* Where the party must be a natural person: no organisation is offered for
 * registering, and a registered one is listed but cannot be taken. */
static void
check_natural_only (DeskPersonPicker *picker,
                    const char       *refusal)
{
  GtkListBoxRow *row;
  g_autofree char *org_row = NULL;
  g_autofree char *offer = NULL;

  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (named (picker, "person-entry"))),
                   ==, "输入姓名、身份证号或手机号查找");
  type_into (picker, "person-entry", "青山建筑");
  wait_for_search (picker);
  row = result_row (picker, 0);
  org_row = row_text (row);
  g_assert_nonnull (strstr (org_row, "青山建筑有限公司|法人或非法人组织 · "));
  g_assert_true (g_str_has_suffix (org_row, refusal));
  g_assert_false (gtk_list_box_row_get_selectable (row));
  g_assert_false (gtk_list_box_row_get_activatable (row));
  /* One offer only, of a person; it is what Enter takes. */
  offer = row_text (result_row (picker, 1));
  g_assert_cmpstr (offer, ==, "登记新当事人“青山建筑”");
  g_assert_null (result_row (picker, 2));
  g_assert_false (offers_organisation (picker));
  g_assert_cmpint (selected_row (picker), ==, 1);
  /* Up does not reach the organisation. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (picker), "picker.select-previous",
                                             NULL));
  g_assert_cmpint (selected_row (picker), ==, 1);
  /* A click on it takes nothing. */
  g_signal_emit_by_name (named (picker, "person-results"), "row-activated", row);
  iterate ();
  g_assert_cmpint (desk_person_picker_get_person_id (picker), ==, 0);

  press_enter (picker, "person-entry");
  g_assert_cmpint (desk_person_picker_get_person_id (picker), ==, 0);
  g_assert_true (desk_person_picker_get_has_new_person (picker));
  g_assert_false (shown (picker, "person-kind"));
  g_assert_true (shown (picker, "person-sex"));
  g_assert_false (shown (picker, "person-legal-rep"));
  g_assert_cmpstr (text_of (picker, "person-name-label"), ==, "姓名");
  /* A company's name typed for the person is pointed out. */
  type_into (picker, "person-name", "青山建筑有限公司");
  g_assert_true (shown (picker, "person-kind-hint"));
}

static void
test_consultation_refuses (Fixture       *f,
                           gconstpointer  data)
{
  DeskConsultationEditor *editor;

  desk_window_show_page (f->window, "consultations");
  iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-record", NULL));
  editor = find_toplevel (DESK_TYPE_CONSULTATION_EDITOR);
  g_assert_nonnull (editor);
  check_natural_only (DESK_PERSON_PICKER (named (editor, "person")),
                      "法人或非法人组织不能作为咨询人");
  g_assert_true (g_str_has_suffix (text_of (editor, "person-kind-hint"),
                                   "但咨询人须是自然人，请填写本人姓名。"));
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate ();
}

static void
test_legal_aid_refuses (Fixture       *f,
                        gconstpointer  data)
{
  DeskAidEditor *editor;

  desk_window_show_page (f->window, "legal-aid");
  iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-record", NULL));
  editor = find_toplevel (DESK_TYPE_AID_EDITOR);
  g_assert_nonnull (editor);
  check_natural_only (DESK_PERSON_PICKER (named (editor, "person")),
                      "法人或非法人组织不能作为申请人");
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate ();
}

int
main (int    argc,
      char **argv)
{
  int status;

  app = start_app (&argc, &argv);
  if (app == NULL)
    return 0;

  g_test_add_func ("/party-organisation/name-guess", test_name_guess);
#define ADD(path, func) \
  g_test_add ("/party-organisation/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("register-inline", test_register_inline);
  ADD ("duplicate-code", test_duplicate_code);
  ADD ("found-as-organisation", test_found_as_organisation);
  ADD ("kind-switch", test_kind_switch);
  ADD ("consultation-refuses", test_consultation_refuses);
  ADD ("legal-aid-refuses", test_legal_aid_refuses);
#undef ADD

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
