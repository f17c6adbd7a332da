/* test-aid-editor.c — the legal-aid application editor, driven through the
 * real widgets under a virtual display: text typed into entries, Enter as
 * the entries' "activate", the steps' small forms filled and saved as the
 * clerk would.  What is checked is what the clerk sees (labels, ticks,
 * marked fields, the red warning) and what the ledger holds afterwards. */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "desk-aid-editor.h"
#include "desk-application.h"
#include "desk-codes.h"
#include "desk-consultation-editor.h"
#include "desk-consultation.h"
#include "desk-form.h"
#include "desk-legal-aid.h"
#include "desk-person-picker.h"
#include "desk-person.h"
#include "desk-preferences-dialog.h"
#include "desk-register.h"
#include "desk-settings.h"
#include "desk-test-gui.h"
#include "desk-test-util.h"
#include "desk-window.h"

static DeskApplication *app;

typedef struct
{
  DeskWindow *window;
  DeskStore  *store;       /* the window's */
  gint64      li_ming;     /* staff */
  gint64      wang_fang;   /* staff */
  gint64      dongping;    /* village */
  gint64      xiling;      /* village */
  gint64      zhang_san;   /* 360426199101010071: 男, 1991-01-01, 东坪村 */
  gint64      li_xiuying;  /* 女, born 1966-11-21, 壮族, 农民, 西岭村 */
} Fixture;

/* Widgets and the main loop */

static DeskAidEditor *
find_editor (void)
{
  return find_toplevel (DESK_TYPE_AID_EDITOR);
}

static DeskPreferencesDialog *
find_step_form (void)
{
  return find_toplevel (DESK_TYPE_PREFERENCES_DIALOG);
}

static gboolean
is_ticked (gpointer    root,
           const char *name)
{
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (named (root, name)));
}

static void
tick (gpointer    root,
      const char *name,
      gboolean    active)
{
  GtkWidget *check = named (root, name);

  g_assert_true (gtk_widget_is_sensitive (check));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  iterate ();
}

static gboolean
shown (gpointer    root,
       const char *name)
{
  return gtk_widget_is_visible (named (root, name));
}

static DeskPersonPicker *
picker_of (DeskAidEditor *editor)
{
  return DESK_PERSON_PICKER (named (editor, "person"));
}

static void
wait_for_search (DeskAidEditor *editor)
{
  DeskPersonPicker *picker = picker_of (editor);

  while (desk_person_picker_get_searching (picker))
    g_main_context_iteration (NULL, TRUE);
  iterate ();
}

/* The rows of the history: "date title details" each. */
static char *
history (DeskAidEditor *editor)
{
  GtkListBox *list = GTK_LIST_BOX (named (editor, "history"));
  g_autoptr(GString) text = g_string_new (NULL);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

      gboolean details = subtitle != NULL && *subtitle != '\0';

      g_string_append_printf (text, "%s %s%s%s\n", text_of (row, "history-date"),
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              details ? " " : "", details ? subtitle : "");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The names of the step buttons shown, in order. */
static char *
steps_shown (DeskAidEditor *editor)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (named (editor, "steps")); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      g_string_append_printf (text, "%s%s", text->len ? " " : "", gtk_widget_get_name (child));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The ledger */

static gint64
count (Fixture    *f,
       const char *sql)
{
  return desk_test_query_int (f->store, sql);
}

static gint64
add_person (DeskStore  *store,
            DeskPerson *person)
{
  g_autoptr(GError) error = NULL;

  desk_person_create (store, person, &error);
  g_assert_no_error (error);
  return person->id;
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

/* An application received at @at, as the core stores it. */
static gint64
add_aid (Fixture    *f,
         const char *at,
         gint64      person)
{
  g_autoptr(DeskLegalAid) aid = desk_legal_aid_new ();
  g_autoptr(GError) error = NULL;

  aid->received_at = g_strdup (at);
  aid->receiver_id = f->li_ming;
  aid->person_id = person;
  aid->matter_type_id = code (f, DESK_CODE_AID_MATTER_TYPE, "民事");
  aid->matter_id = code (f, DESK_CODE_AID_MATTER, "请求给付赡养费、抚养费、扶养费");
  aid->summary = g_strdup ("子女拒付赡养费。");
  desk_legal_aid_create (f->store, aid, DESK_AID_CHECK_STRICT, &error);
  g_assert_no_error (error);
  return aid->id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static int n;
  g_autofree char *name = g_strdup_printf ("aid-editor-%d.db", ++n);
  g_autofree char *path = desk_test_path (name);
  DeskStore *store = desk_test_open_store (name);
  g_autoptr(DeskPerson) zhang = desk_person_new ();
  g_autoptr(DeskPerson) li = desk_person_new ();

  f->li_ming = add_staff (store, "李明");
  f->wang_fang = add_staff (store, "王芳");
  f->dongping = add_village (store, "东坪村");
  f->xiling = add_village (store, "西岭村");
  zhang->name = g_strdup ("张三");
  zhang->id_number = g_strdup ("360426199101010071");
  zhang->phone = g_strdup ("13800138000");
  zhang->village_id = f->dongping;
  f->zhang_san = add_person (store, zhang);
  li->name = g_strdup ("李秀英");
  li->sex = DESK_SEX_FEMALE;
  li->birth_date = g_strdup ("1966-11-21");
  li->ethnicity = g_strdup ("壮族");
  li->is_farmer = TRUE;
  li->village_id = f->xiling;
  f->li_xiuying = add_person (store, li);
  g_object_unref (store);

  f->window = desk_window_new (app, path);
  gtk_window_present (GTK_WINDOW (f->window));
  f->store = desk_window_get_store (f->window);
  g_assert_nonnull (f->store);
  desk_window_show_page (f->window, "legal-aid");
  iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  g_assert_null (find_editor ());
  g_assert_null (find_step_form ());
  g_setenv ("LEGALDESK_TODAY", "2026-11-23", TRUE);
}

/* Ctrl+N on the legal-aid page. */
static DeskAidEditor *
open_new (Fixture *f)
{
  DeskAidEditor *editor;

  g_assert_null (find_editor ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-record", NULL));
  editor = find_editor ();
  g_assert_nonnull (editor);
  return editor;
}

static DeskAidEditor *
open_existing (Fixture *f,
               gint64   id)
{
  DeskAidEditor *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-aid", "x", id));
  editor = find_editor ();
  g_assert_nonnull (editor);
  return editor;
}

static void
save (DeskAidEditor *editor)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  iterate ();
}

static void
choose_applicant (DeskAidEditor *editor,
                  const char    *typed)
{
  type_into (editor, "person-entry", typed);
  press_enter (editor, "person-entry");
  wait_for_search (editor);
}

/* The receiver, and the matter as the clerk picks it by typing part of
 * it. */
static void
fill_rest (DeskAidEditor *editor)
{
  choose (editor, "staff", "李明");
  type_choice (editor, "matter-type", "民事");
  type_choice (editor, "matter", "劳动报酬");
}

/* The step button @status of the editor: its small form. */
static DeskPreferencesDialog *
start_step (DeskAidEditor *editor,
            DeskAidStatus  status)
{
  DeskPreferencesDialog *form;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.advance", "i",
                                             (gint32) status));
  form = find_step_form ();
  g_assert_nonnull (form);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (form)) == GTK_WINDOW (editor));
  return form;
}

static void
fill_step (DeskPreferencesDialog *form,
           const char            *field,
           const char            *text)
{
  GtkWidget *row = desk_preferences_dialog_get_row (form, field);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  iterate ();
}

static void
choose_step (DeskPreferencesDialog *form,
             const char            *field,
             const char            *label)
{
  AdwComboRow *row = ADW_COMBO_ROW (desk_preferences_dialog_get_row (form, field));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), label))
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_error ("no choice %s", label);
}

/* Enter in the date: what the clerk does to record the step. */
static gboolean
record_step (DeskPreferencesDialog *form,
             const char            *date_field)
{
  g_signal_emit_by_name (desk_preferences_dialog_get_row (form, date_field), "entry-activated");
  iterate ();
  return find_step_form () == NULL;
}

/* Tests */

static void
test_new_by_typing (Fixture       *f,
                    gconstpointer  data)
{
  DeskAidEditor *editor;
  g_autoptr(DeskLegalAid) saved = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *sex = NULL;
  g_autofree char *village = NULL;
  g_autofree char *staff = NULL;

  /* Ctrl+N follows the page: a consultation there, an application here. */
  desk_window_show_page (f->window, "consultations");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-record", NULL));
  g_assert_null (find_editor ());
  g_assert_nonnull (find_toplevel (DESK_TYPE_CONSULTATION_EDITOR));
  gtk_window_destroy (GTK_WINDOW (find_toplevel (DESK_TYPE_CONSULTATION_EDITOR)));
  desk_window_show_page (f->window, "legal-aid");

  editor = open_new (f);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (f->window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "登记法律援助申请");
  /* No number before it is saved; received now; the applicant first; no
   * "anonymous" for an applicant. */
  g_assert_false (shown (editor, "number"));
  g_assert_true (g_str_has_prefix (text_of (editor, "date"), "2026-11-23 "));
  g_assert_true (has_focus_in (editor, editor, "person-entry"));
  g_assert_false (shown (editor, "person-anonymous"));
  g_assert_cmpstr (text_of (editor, "status"), ==, "已接收");
  /* Nothing chosen for the matter: a default would count wrongly if
   * overlooked. */
  g_assert_null (chosen (editor, "matter-type"));
  g_assert_null (chosen (editor, "matter"));

  type_into (editor, "date", "20261123 0915");
  press_enter (editor, "date");
  g_assert_cmpstr (text_of (editor, "date"), ==, "2026-11-23 09:15");
  g_assert_true (has_focus_in (editor, editor, "staff"));
  choose (editor, "staff", "王芳");

  /* The applicant from the register: the copy is filled from it, and
   * Enter goes on to 代理申请人. */
  choose_applicant (editor, "3604261991");
  g_assert_cmpint (desk_person_picker_get_person_id (picker_of (editor)), ==, f->zhang_san);
  sex = chosen (editor, "sex");
  g_assert_cmpstr (sex, ==, "男");
  g_assert_cmpstr (text_of (editor, "birth-date"), ==, "1991-01-01");
  g_assert_true (has_focus_in (editor, editor, "agent"));
  village = chosen (editor, "village");
  g_assert_cmpstr (village, ==, "东坪村");

  type_into (editor, "agent", "张大山");
  press_enter (editor, "agent");
  g_assert_true (has_focus_in (editor, editor, "village"));
  type_choice (editor, "matter-type", "民事");
  g_assert_true (has_focus_in (editor, editor, "matter"));
  type_choice (editor, "matter", "劳动报酬");
  g_assert_true (has_focus_in (editor, editor, "hardship"));
  type_choice (editor, "hardship", "低收入");
  g_assert_true (has_focus_in (editor, editor, "summary"));
  tick (editor, "category-migrant-worker", TRUE);
  tick (editor, "has-identity", TRUE);
  tick (editor, "has-matter-papers", TRUE);
  write_text (editor, "summary", "在建筑工地务工半年，包工头拖欠工资三万元。");
  g_assert_true (desk_aid_editor_get_modified (editor));

  save (editor);
  g_assert_null (find_editor ());

  ids = desk_legal_aid_list (f->store, NULL, NULL, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  saved = desk_legal_aid_get (f->store, g_array_index (ids, gint64, 0), NULL);
  g_assert_cmpstr (saved->number, ==, "FY2026-0001");
  g_assert_cmpstr (saved->received_at, ==, "2026-11-23 09:15");
  g_assert_cmpint (saved->receiver_id, ==, f->wang_fang);
  g_assert_cmpint (saved->person_id, ==, f->zhang_san);
  g_assert_cmpstr (saved->agent_name, ==, "张大山");
  g_assert_cmpint (saved->sex, ==, DESK_SEX_MALE);
  g_assert_cmpstr (saved->birth_date, ==, "1991-01-01");
  g_assert_null (saved->ethnicity);
  g_assert_true (saved->is_migrant_worker);
  g_assert_false (saved->is_farmer);
  g_assert_cmpint (saved->village_id, ==, f->dongping);
  g_assert_cmpint (saved->matter_type_id, ==, code (f, DESK_CODE_AID_MATTER_TYPE, "民事"));
  g_assert_cmpint (saved->matter_id, ==,
                   code (f, DESK_CODE_AID_MATTER, "请求确认劳动关系或者支付劳动报酬"));
  g_assert_cmpint (saved->hardship_id, ==, code (f, DESK_CODE_HARDSHIP, "低收入家庭"));
  g_assert_true (saved->has_identity);
  g_assert_false (saved->has_hardship_proof);
  g_assert_true (saved->has_matter_papers);
  g_assert_false (saved->materials_complete);
  g_assert_cmpstr (saved->summary, ==, "在建筑工地务工半年，包工头拖欠工资三万元。");
  g_assert_cmpint (saved->status, ==, DESK_AID_STATUS_RECEIVED);
  g_assert_cmpint (desk_legal_aid_categories (saved), ==, DESK_AID_CATEGORY_MIGRANT_WORKER);

  /* Opened again: its number shows, the copy is the application's. */
  editor = open_existing (f, saved->id);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "法律援助申请 FY2026-0001");
  g_assert_true (shown (editor, "number"));
  g_assert_cmpstr (text_of (editor, "number"), ==, "FY2026-0001");
  g_assert_true (is_ticked (editor, "category-migrant-worker"));
  g_assert_false (desk_aid_editor_get_modified (editor));
  {
    g_autofree char *rows = history (editor);

    g_assert_cmpstr (rows, ==, "2026-11-23 09:15 已接收 接收人：王芳 · 代理申请人：张大山\n");
  }
  staff = chosen (editor, "staff");
  g_assert_cmpstr (staff, ==, "王芳");
  gtk_window_destroy (GTK_WINDOW (editor));

  /* The next application starts with the receiver used last. */
  editor = open_new (f);
  g_clear_pointer (&staff, g_free);
  staff = chosen (editor, "staff");
  g_assert_cmpstr (staff, ==, "王芳");
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_new_person (Fixture       *f,
                 gconstpointer  data)
{
  DeskAidEditor *editor = open_new (f);
  DeskPersonPicker *picker = picker_of (editor);
  char number[19];
  g_autofree char *sex = NULL;
  g_autoptr(DeskLegalAid) saved = NULL;
  g_autoptr(DeskPerson) person = NULL;

  /* A girl born 2010-03-15 (sequence 004, even), not registered: her
   * number fills the copy as it is typed. */
  g_snprintf (number, sizeof number, "%s%c", "36042620100315004",
              desk_id_check_character ("36042620100315004"));
  type_into (editor, "person-entry", number);
  wait_for_search (editor);
  press_enter (editor, "person-entry");
  g_assert_true (desk_person_picker_get_has_new_person (picker));
  type_into (editor, "person-name", "赵小敏");
  sex = chosen (editor, "sex");
  g_assert_cmpstr (sex, ==, "女");
  g_assert_cmpstr (text_of (editor, "birth-date"), ==, "2010-03-15");
  g_assert_true (is_ticked (editor, "category-minor"));
  g_assert_true (is_ticked (editor, "category-female"));
  g_assert_false (gtk_widget_is_sensitive (named (editor, "category-minor")));

  fill_rest (editor);
  save (editor);
  g_assert_null (find_editor ());
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, 3);
  saved = desk_legal_aid_get (f->store, 1, NULL);
  person = desk_person_get (f->store, saved->person_id, NULL);
  g_assert_cmpstr (person->name, ==, "赵小敏");
  g_assert_cmpstr (saved->birth_date, ==, "2010-03-15");
  g_assert_cmpint (saved->sex, ==, DESK_SEX_FEMALE);
  g_assert_cmpint (desk_legal_aid_categories (saved), ==,
                   DESK_AID_CATEGORY_MINOR | DESK_AID_CATEGORY_FEMALE);
}

static void
test_categories_at_receipt (Fixture       *f,
                            gconstpointer  data)
{
  DeskAidEditor *editor = open_new (f);
  g_autoptr(DeskLegalAid) saved = NULL;
  g_autoptr(DeskPerson) person = NULL;
  g_autofree char *ethnicity = NULL;
  const char *derived[] = { "category-elderly", "category-minor", "category-female",
                            "category-minority", "category-other" };

  /* 李秀英 turns 60 on 2026-11-21. */
  type_into (editor, "date", "2026-11-20 16:30");
  choose_applicant (editor, "李秀英");
  g_assert_cmpint (desk_person_picker_get_person_id (picker_of (editor)), ==, f->li_xiuying);
  ethnicity = chosen (editor, "ethnicity");
  g_assert_cmpstr (ethnicity, ==, "壮族");
  g_assert_cmpstr (text_of (editor, "birth-date"), ==, "1966-11-21");
  /* The derived categories show, and cannot be ticked. */
  for (guint i = 0; i < G_N_ELEMENTS (derived); i++)
    g_assert_false (gtk_widget_is_sensitive (named (editor, derived[i])));
  g_assert_false (is_ticked (editor, "category-elderly"));
  g_assert_true (is_ticked (editor, "category-female"));
  g_assert_true (is_ticked (editor, "category-minority"));
  g_assert_false (is_ticked (editor, "category-minor"));
  g_assert_true (is_ticked (editor, "category-farmer"));
  g_assert_false (shown (editor, "category-other"));
  g_assert_nonnull (strstr (text_of (editor, "categories-note"), "59岁"));

  /* Received the day after, she would count as 老年人... */
  type_into (editor, "date", "2026-11-21 09:00");
  g_assert_true (is_ticked (editor, "category-elderly"));
  g_assert_nonnull (strstr (text_of (editor, "categories-note"), "60岁"));
  /* ...but she came on the 20th. */
  type_into (editor, "date", "2026-11-20 16:30");
  g_assert_false (is_ticked (editor, "category-elderly"));

  /* The copy is the application's own: changed here, not in the
   * register. */
  choose (editor, "ethnicity", "汉族");
  g_assert_false (is_ticked (editor, "category-minority"));
  tick (editor, "category-farmer", FALSE);
  choose (editor, "sex", "男");
  /* Nothing applies: 其他 shows, ticked, and not tickable. */
  g_assert_true (shown (editor, "category-other"));
  g_assert_true (is_ticked (editor, "category-other"));
  tick (editor, "category-military", TRUE);
  g_assert_false (shown (editor, "category-other"));

  fill_rest (editor);
  save (editor);
  g_assert_null (find_editor ());
  saved = desk_legal_aid_get (f->store, 1, NULL);
  g_assert_cmpstr (saved->ethnicity, ==, "汉族");
  g_assert_cmpint (saved->sex, ==, DESK_SEX_MALE);
  g_assert_false (saved->is_farmer);
  g_assert_true (saved->is_military);
  g_assert_cmpint (desk_legal_aid_categories (saved), ==, DESK_AID_CATEGORY_MILITARY);
  person = desk_person_get (f->store, f->li_xiuying, NULL);
  g_assert_cmpstr (person->ethnicity, ==, "壮族");
  g_assert_cmpint (person->sex, ==, DESK_SEX_FEMALE);
  g_assert_true (person->is_farmer);

  /* Kept as saved when opened again, the register notwithstanding. */
  editor = open_existing (f, saved->id);
  g_clear_pointer (&ethnicity, g_free);
  ethnicity = chosen (editor, "ethnicity");
  g_assert_cmpstr (ethnicity, ==, "汉族");
  g_assert_true (is_ticked (editor, "category-military"));
  g_assert_false (is_ticked (editor, "category-farmer"));
  g_assert_false (desk_aid_editor_get_modified (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_advance (Fixture       *f,
              gconstpointer  data)
{
  gint64 id = add_aid (f, "2026-11-16 09:00", f->zhang_san);
  DeskAidEditor *editor = open_existing (f, id);
  DeskPreferencesDialog *form;
  g_autoptr(DeskLegalAid) saved = NULL;
  g_autofree char *steps = NULL;
  g_autofree char *rows = NULL;

  g_assert_cmpstr (text_of (editor, "status"), ==, "已接收");
  steps = steps_shown (editor);
  g_assert_cmpstr (steps, ==, "step-supplement step-forwarded step-withdrawn");

  /* 已转交, with its 方式 and the centre's number. */
  form = start_step (editor, DESK_AID_STATUS_FORWARDED);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (form)), ==, "转交法律援助中心");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (desk_preferences_dialog_get_row (
                     form, "转交日期"))), ==, "2026-11-23");
  fill_step (form, "转交日期", "2026-11-17");
  choose_step (form, "转交方式", "系统流转");
  fill_step (form, "中心受理号", "青法援受〔2026〕118号");
  g_assert_true (record_step (form, "转交日期"));
  g_assert_cmpstr (text_of (editor, "status"), ==, "已转交");
  g_clear_pointer (&steps, g_free);
  steps = steps_shown (editor);
  g_assert_cmpstr (steps, ==, "step-centre-accepted step-withdrawn");
  /* Forwarded: the clock stops. */
  g_assert_false (shown (editor, "working-days"));

  form = start_step (editor, DESK_AID_STATUS_CENTRE_ACCEPTED);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (desk_preferences_dialog_get_row (
                     form, "中心受理号"))), ==, "青法援受〔2026〕118号");
  fill_step (form, "中心受理日期", "11-18");
  g_assert_true (record_step (form, "中心受理日期"));
  g_assert_cmpstr (text_of (editor, "status"), ==, "中心已受理");

  form = start_step (editor, DESK_AID_STATUS_GRANTED);
  fill_step (form, "决定日期", "2026-11-19");
  g_assert_true (record_step (form, "决定日期"));
  g_assert_cmpstr (text_of (editor, "status"), ==, "决定给予");
  g_clear_pointer (&steps, g_free);
  steps = steps_shown (editor);
  g_assert_cmpstr (steps, ==, "step-assigned step-terminated");

  /* 已指派 needs 承办人 and 承办单位: without them the form stays, the
   * message beside the field. */
  form = start_step (editor, DESK_AID_STATUS_ASSIGNED);
  fill_step (form, "指派日期", "2026-11-20");
  fill_step (form, "承办人", "王律师");
  g_assert_false (record_step (form, "指派日期"));
  g_assert_true (find_step_form () == form);
  g_assert_nonnull (desk_preferences_dialog_get_message (form, "承办单位"));
  g_assert_cmpstr (text_of (editor, "status"), ==, "决定给予");
  fill_step (form, "承办单位", "青山律师事务所");
  g_assert_true (record_step (form, "指派日期"));
  g_assert_cmpstr (text_of (editor, "status"), ==, "已指派");
  rows = history (editor);
  g_assert_cmpstr (rows, ==,
                   "2026-11-16 09:00 已接收 接收人：李明\n"
                   "2026-11-17 已转交 转交方式：系统流转 · 按期转交：接收后第 1 个工作日\n"
                   "2026-11-18 中心已受理 中心受理号：青法援受〔2026〕118号\n"
                   "2026-11-19 决定给予\n"
                   "2026-11-20 已指派 承办人：王律师 · 承办单位：青山律师事务所\n");

  saved = desk_legal_aid_get (f->store, id, NULL);
  g_assert_cmpint (saved->status, ==, DESK_AID_STATUS_ASSIGNED);
  g_assert_cmpstr (saved->forwarded_on, ==, "2026-11-17");
  g_assert_cmpint (saved->forward_mode_id, ==, code (f, DESK_CODE_FORWARD_MODE, "系统流转"));
  g_assert_cmpstr (saved->centre_number, ==, "青法援受〔2026〕118号");
  g_assert_cmpstr (saved->centre_accepted_on, ==, "2026-11-18");
  g_assert_cmpstr (saved->decided_on, ==, "2026-11-19");
  g_assert_cmpint (saved->decision, ==, DESK_AID_DECISION_GRANT);
  g_assert_cmpstr (saved->assigned_on, ==, "2026-11-20");
  g_assert_cmpstr (saved->lawyer, ==, "王律师");
  g_assert_cmpstr (saved->law_firm, ==, "青山律师事务所");
  g_assert_true (desk_legal_aid_forwarded_on_time (f->store, saved));

  /* Nothing typed into the form: it closes without asking. */
  g_assert_false (desk_aid_editor_get_modified (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.close", NULL));
  g_assert_null (find_dialog ());
  g_assert_null (find_editor ());
}

static void
test_step_saves_first (Fixture       *f,
                       gconstpointer  data)
{
  DeskAidEditor *editor = open_new (f);
  DeskPreferencesDialog *form;
  g_autofree char *summary = NULL;

  /* A step on a form with a field missing: nothing is saved, no form
   * opens, the message is beside the field. */
  choose (editor, "staff", "李明");
  choose_applicant (editor, "张三");
  type_choice (editor, "matter-type", "民事");
  write_text (editor, "summary", "工伤赔偿。");
  g_assert_true (gtk_widget_is_visible (named (editor, "steps-hint")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.advance", "i",
                                             (gint32) DESK_AID_STATUS_FORWARDED));
  iterate ();
  g_assert_null (find_step_form ());
  g_assert_true (shows_error (editor, "matter", "matter-error"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM legal_aid"), ==, 0);

  /* Complete, the step saves the application, which stays open, then
   * asks for the step. */
  type_choice (editor, "matter", "工伤");
  form = start_step (editor, DESK_AID_STATUS_FORWARDED);
  g_assert_cmpint (count (f, "SELECT count(*) FROM legal_aid"), ==, 1);
  g_assert_cmpstr (desk_aid_editor_get_number (editor), ==, "FY2026-0001");
  g_assert_true (find_editor () == editor);
  g_assert_false (desk_aid_editor_get_modified (editor));
  g_assert_true (shown (editor, "number"));
  /* The step's form closed unrecorded leaves the application as it was. */
  gtk_window_close (GTK_WINDOW (form));
  iterate ();
  g_assert_null (find_step_form ());
  g_assert_cmpstr (text_of (editor, "status"), ==, "已接收");
  summary = text_view_text (editor, "summary");
  g_assert_cmpstr (summary, ==, "工伤赔偿。");
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_forward_before_receipt (Fixture       *f,
                             gconstpointer  data)
{
  gint64 id = add_aid (f, "2026-11-20 10:00", f->zhang_san);
  DeskAidEditor *editor = open_existing (f, id);
  DeskPreferencesDialog *form;
  GtkWidget *date_row;
  g_autoptr(DeskLegalAid) saved = NULL;

  form = start_step (editor, DESK_AID_STATUS_FORWARDED);
  date_row = desk_preferences_dialog_get_row (form, "转交日期");
  fill_step (form, "转交日期", "2026-11-19");
  choose_step (form, "转交方式", "当面");
  g_assert_false (record_step (form, "转交日期"));
  /* Refused beside 转交日期; the form stays with what was typed. */
  g_assert_true (find_step_form () == form);
  g_assert_cmpstr (desk_preferences_dialog_get_message (form, "转交日期"), ==,
                   "2026-11-19早于接收日期2026-11-20");
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "2026-11-19");
  g_assert_cmpint (count (f, "SELECT count(*) FROM legal_aid WHERE status = '已接收'"
                             " AND forwarded_on IS NULL"), ==, 1);
  g_assert_cmpstr (text_of (editor, "status"), ==, "已接收");

  /* The message follows the typing: a day in the future... */
  fill_step (form, "转交日期", "2026-11-24");
  g_assert_nonnull (strstr (desk_preferences_dialog_get_message (form, "转交日期"), "晚于今天"));
  /* ...and a right one clears it. */
  fill_step (form, "转交日期", "2026-11-20");
  g_assert_null (desk_preferences_dialog_get_message (form, "转交日期"));
  g_assert_true (record_step (form, "转交日期"));
  saved = desk_legal_aid_get (f->store, id, NULL);
  g_assert_cmpstr (saved->forwarded_on, ==, "2026-11-20");
  g_assert_cmpint (saved->forward_mode_id, ==, code (f, DESK_CODE_FORWARD_MODE, "当面"));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_overdue (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *holidays[] = { "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06",
                             "2026-10-07" };
  gint64 late, in_time;
  DeskAidEditor *editor;
  DeskPreferencesDialog *form;

  /* The National Day week: 9-30 (Wed) to 10-09 (Fri) is two working days
   * (10-08, 10-09); 9-25 (Fri) to 10-09 is five. */
  for (guint i = 0; i < G_N_ELEMENTS (holidays); i++)
    {
      desk_holidays_add (f->store, holidays[i], FALSE, "国庆节", &error);
      g_assert_no_error (error);
    }
  late = add_aid (f, "2026-09-25 15:00", f->zhang_san);
  in_time = add_aid (f, "2026-09-30 16:00", f->li_xiuying);
  g_setenv ("LEGALDESK_TODAY", "2026-10-09", TRUE);

  editor = open_existing (f, in_time);
  g_assert_true (shown (editor, "working-days"));
  g_assert_cmpstr (text_of (editor, "working-days"), ==, "自接收起 2 个工作日（时限 3 个工作日）");
  g_assert_false (shown (editor, "overdue"));
  gtk_window_destroy (GTK_WINDOW (editor));

  editor = open_existing (f, late);
  g_assert_cmpstr (text_of (editor, "working-days"), ==, "自接收起 5 个工作日（时限 3 个工作日）");
  g_assert_true (shown (editor, "overdue"));
  g_assert_cmpstr (text_of (editor, "overdue"), ==, "已超过转交时限 2 个工作日");
  g_assert_true (gtk_widget_has_css_class (named (editor, "overdue"), "error"));

  /* A longer limit: no longer overdue. */
  desk_settings_set (f->store, "aid-limit-days", "5", &error);
  g_assert_no_error (error);
  desk_aid_editor_load (editor, late, &error);
  g_assert_no_error (error);
  g_assert_false (shown (editor, "overdue"));
  desk_settings_set (f->store, "aid-limit-days", "3", &error);
  desk_aid_editor_load (editor, late, &error);
  g_assert_true (shown (editor, "overdue"));

  /* Forwarded, late: the warning goes, the history says how late. */
  form = start_step (editor, DESK_AID_STATUS_FORWARDED);
  g_assert_true (record_step (form, "转交日期"));
  g_assert_false (shown (editor, "overdue"));
  g_assert_false (shown (editor, "working-days"));
  {
    g_autofree char *rows = history (editor);

    g_assert_nonnull (strstr (rows, "2026-10-09 已转交 转交方式：当面 · "
                                    "逾期转交：接收后第 5 个工作日，时限 3 个工作日"));
  }
  gtk_window_destroy (GTK_WINDOW (editor));

  /* A new application typed with an old receipt date shows the clock
   * before it is saved. */
  editor = open_new (f);
  type_into (editor, "date", "2026-09-28 08:30");
  g_assert_cmpstr (text_of (editor, "overdue"), ==, "已超过转交时限 1 个工作日");
  type_into (editor, "date", "2026-10-08 08:30");
  g_assert_false (shown (editor, "overdue"));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_from_consultation (Fixture       *f,
                        gconstpointer  data)
{
  DeskConsultationEditor *consultation;
  DeskAidEditor *editor;
  g_autoptr(DeskConsultation) c = NULL;
  g_autoptr(DeskLegalAid) aid = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *village = NULL;
  gint64 consultation_id;

  desk_window_show_page (f->window, "consultations");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-record", NULL));
  consultation = find_toplevel (DESK_TYPE_CONSULTATION_EDITOR);
  g_assert_nonnull (consultation);
  type_into (consultation, "person-entry", "李秀英");
  g_signal_emit_by_name (named (consultation, "person-entry"), "activate");
  while (desk_person_picker_get_searching (DESK_PERSON_PICKER (named (consultation, "person"))))
    g_main_context_iteration (NULL, TRUE);
  iterate ();
  choose (consultation, "staff", "王芳");
  type_choice (consultation, "category", "赡养");
  write_text (consultation, "content", "三个儿子均不支付赡养费，本人无收入。");
  type_choice (consultation, "result", "法律援助");
  /* The window said how to open an application: it is offered. */
  g_assert_true (gtk_widget_get_visible (named (consultation, "result-hint")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (consultation), "editor.save", NULL));
  iterate ();
  g_assert_true (find_toplevel (DESK_TYPE_CONSULTATION_EDITOR) == consultation);
  consultation_id = desk_consultation_editor_get_consultation_id (consultation);
  g_assert_cmpint (consultation_id, >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (consultation), "editor.follow-up",
                                             NULL));
  iterate ();
  g_assert_null (find_toplevel (DESK_TYPE_CONSULTATION_EDITOR));

  /* The application, with the visitor and the summary carried over. */
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "登记法律援助申请");
  g_assert_cmpint (desk_person_picker_get_person_id (picker_of (editor)), ==, f->li_xiuying);
  g_assert_cmpstr (text_of (editor, "person-entry"), ==, "李秀英");
  summary = text_view_text (editor, "summary");
  g_assert_cmpstr (summary, ==, "三个儿子均不支付赡养费，本人无收入。");
  village = chosen (editor, "village");
  g_assert_cmpstr (village, ==, "西岭村");
  g_assert_true (shown (editor, "consultation-link"));
  g_assert_cmpstr (text_of (editor, "consultation-link"), ==, "来自咨询 ZX2026-0001");
  g_assert_true (is_ticked (editor, "category-farmer"));
  g_assert_true (is_ticked (editor, "category-minority"));
  /* What came over is not thrown away without asking. */
  g_assert_true (desk_aid_editor_get_modified (editor));

  fill_rest (editor);
  save (editor);
  g_assert_null (find_editor ());

  /* Linked both ways. */
  aid = desk_legal_aid_get_by_number (f->store, "FY2026-0001", NULL);
  g_assert_nonnull (aid);
  g_assert_cmpint (aid->consultation_id, ==, consultation_id);
  c = desk_consultation_get (f->store, consultation_id, NULL);
  g_assert_cmpint (c->aid_id, ==, aid->id);
  g_assert_cmpint (aid->person_id, ==, f->li_xiuying);

  /* Opened again, the consultation offers no second application... */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-consultation",
                                             "x", consultation_id));
  consultation = find_toplevel (DESK_TYPE_CONSULTATION_EDITOR);
  g_assert_false (gtk_widget_get_visible (named (consultation, "result-hint")));
  gtk_window_destroy (GTK_WINDOW (consultation));
  /* ...and the application names its consultation. */
  editor = open_existing (f, aid->id);
  g_assert_cmpstr (text_of (editor, "consultation-link"), ==, "来自咨询 ZX2026-0001");
  gtk_window_destroy (GTK_WINDOW (editor));

}

static void
test_edit_and_delete (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(DeskLegalAid) old = desk_legal_aid_new ();
  g_autoptr(DeskLegalAid) saved = NULL;
  g_autoptr(GError) error = NULL;
  DeskAidEditor *editor;
  g_autofree char *rows = NULL;

  /* From an old ledger: 中心已受理 with the 转交 date alone (no 方式, no
   * centre's date), as an import may leave it. */
  old->received_at = g_strdup ("2026-03-02 09:00");
  old->receiver_id = f->li_ming;
  old->person_id = f->zhang_san;
  old->matter_type_id = code (f, DESK_CODE_AID_MATTER_TYPE, "民事");
  old->matter_id = code (f, DESK_CODE_AID_MATTER, "请求给付赡养费、抚养费、扶养费");
  old->status = DESK_AID_STATUS_CENTRE_ACCEPTED;
  old->forwarded_on = g_strdup ("2026-03-04");
  desk_legal_aid_create (f->store, old, DESK_AID_CHECK_LENIENT, &error);
  g_assert_no_error (error);

  editor = open_existing (f, old->id);
  g_assert_cmpstr (text_of (editor, "status"), ==, "中心已受理");
  rows = history (editor);
  g_assert_cmpstr (rows, ==, "2026-03-02 09:00 已接收 接收人：李明\n"
                             "2026-03-04 已转交 按期转交：接收后第 2 个工作日\n");
  /* A correction saves as leniently as the record came in. */
  type_into (editor, "agent", "张大山");
  tick (editor, "materials-complete", TRUE);
  g_assert_true (desk_aid_editor_get_modified (editor));
  save (editor);
  g_assert_null (find_editor ());
  saved = desk_legal_aid_get (f->store, old->id, NULL);
  g_assert_cmpstr (saved->agent_name, ==, "张大山");
  g_assert_true (saved->materials_complete);
  g_assert_cmpint (saved->status, ==, DESK_AID_STATUS_CENTRE_ACCEPTED);
  g_assert_cmpstr (saved->number, ==, old->number);

  /* Deleting asks; "cancel" keeps it. */
  editor = open_existing (f, old->id);
  g_assert_true (shown (editor, "editor-delete"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (find_dialog ()), old->number));
  answer ("cancel");
  g_assert_true (find_editor () == editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL));
  answer ("delete");
  iterate ();
  g_assert_null (find_editor ());
  g_assert_null (desk_legal_aid_get (f->store, old->id, NULL));
  g_assert_cmpint (count (f, "SELECT count(*) FROM legal_aid WHERE deleted_at IS NOT NULL"), ==, 1);

  /* A new application has nothing to delete. */
  editor = open_new (f);
  g_assert_false (shown (editor, "editor-delete"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL);
  g_assert_null (find_dialog ());
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_errors_beside_fields (Fixture       *f,
                           gconstpointer  data)
{
  DeskAidEditor *editor = open_new (f);
  g_autofree char *summary = NULL;

  write_text (editor, "summary", "邻居侵占宅基地。");
  gtk_widget_grab_focus (named (editor, "date"));
  type_into (editor, "date", "2026-11-24 09:00");
  press_enter (editor, "date");
  g_assert_true (shows_error (editor, "date", "date-error"));
  g_assert_nonnull (strstr (text_of (editor, "date-error"), "晚于今天"));
  g_assert_true (has_focus_in (editor, editor, "date"));

  /* A birth date after the receipt, said as it is typed. */
  type_into (editor, "date", "2026-11-20 09:00");
  g_assert_false (shows_error (editor, "date", "date-error"));
  type_into (editor, "birth-date", "2026-11-21");
  g_assert_true (shows_error (editor, "birth-date", "birth-date-error"));
  g_assert_cmpstr (text_of (editor, "birth-date-error"), ==, "2026-11-21晚于接收日期2026-11-20");
  type_into (editor, "birth-date", "1950-02-30");
  g_assert_true (shows_error (editor, "birth-date", "birth-date-error"));
  type_into (editor, "birth-date", "1950-02-28");
  g_assert_false (shows_error (editor, "birth-date", "birth-date-error"));
  g_assert_true (is_ticked (editor, "category-elderly"));

  /* Saving refuses, marks what is missing, keeps what was typed. */
  save (editor);
  g_assert_true (find_editor () == editor);
  g_assert_true (shows_error (editor, "person-entry", "person-entry-error"));
  g_assert_cmpstr (text_of (editor, "person-entry-error"), ==, "请输入姓名、证件号码或电话并选择当事人");
  g_assert_true (shows_error (editor, "matter-type", "matter-type-error"));
  g_assert_true (shows_error (editor, "matter", "matter-error"));
  g_assert_true (gtk_widget_get_visible (named (editor, "editor-message")));
  /* The first of them, 接收人, has the focus. */
  g_assert_true (shows_error (editor, "staff", "staff-error"));
  g_assert_true (has_focus_in (editor, editor, "staff"));
  summary = text_view_text (editor, "summary");
  g_assert_cmpstr (summary, ==, "邻居侵占宅基地。");
  g_assert_cmpstr (text_of (editor, "birth-date"), ==, "1950-02-28");
  g_assert_cmpint (count (f, "SELECT count(*) FROM legal_aid"), ==, 0);

  /* A choice made clears its message. */
  choose (editor, "matter-type", "民事");
  g_assert_false (shows_error (editor, "matter-type", "matter-type-error"));

  /* Escape asks; keep editing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.close", NULL));
  g_assert_nonnull (find_dialog ());
  answer ("cancel");
  g_assert_true (find_editor () == editor);
  /* Closing asks too; discard. */
  gtk_window_close (GTK_WINDOW (editor));
  iterate ();
  answer ("discard");
  iterate ();
  g_assert_null (find_editor ());
  g_assert_cmpint (count (f, "SELECT count(*) FROM legal_aid"), ==, 0);
}

/* The named field that holds the focus. */
static const char *
focused_field (DeskAidEditor *editor,
               const char   **fields,
               guint          n)
{
  for (guint i = 0; i < n; i++)
    if (has_focus_in (editor, editor, fields[i]))
      return fields[i];
  return NULL;
}

static void
test_keys_and_tab_order (Fixture       *f,
                         gconstpointer  data)
{
  DeskAidEditor *editor = open_new (f);
  const char *forward[] = {
    "date", "staff", "person-entry", "person-new", "sex", "birth-date", "ethnicity", "agent",
    "village", "matter-type", "matter", "category-disabled", "category-migrant-worker",
    "category-farmer", "category-military", "category-foreigner", "hardship", "has-identity",
    "has-hardship-proof", "has-matter-papers", "materials-complete", "summary",
    "step-supplement", "step-forwarded", "step-withdrawn",
  };

  /* Tab follows the paper form. */
  gtk_widget_grab_focus (named (editor, "date"));
  for (guint i = 1; i < G_N_ELEMENTS (forward); i++)
    {
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (editor), GTK_DIR_TAB_FORWARD));
      g_assert_cmpstr (focused_field (editor, forward, G_N_ELEMENTS (forward)), ==, forward[i]);
    }
  gtk_widget_grab_focus (named (editor, "agent"));
  for (guint i = 6; i > 2; i--)
    {
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (editor), GTK_DIR_TAB_BACKWARD));
      g_assert_cmpstr (focused_field (editor, forward, G_N_ELEMENTS (forward)), ==, forward[i]);
    }

  /* Enter walks through the applicant's copy too. */
  gtk_widget_grab_focus (named (editor, "birth-date"));
  type_into (editor, "birth-date", "19910101");
  press_enter (editor, "birth-date");
  g_assert_cmpstr (text_of (editor, "birth-date"), ==, "1991-01-01");
  g_assert_true (has_focus_in (editor, editor, "ethnicity"));
  type_choice (editor, "ethnicity", "回");
  g_assert_true (has_focus_in (editor, editor, "agent"));
  g_assert_true (is_ticked (editor, "category-minority"));

  /* Ctrl+S and Ctrl+Enter save (Ctrl+Enter even from inside 案情摘要,
   * caught before the text sees it), Escape closes; Ctrl+N is the
   * window's. */
  {
    struct { const char *key; const char *action; } keys[] = {
      { "<Control>s", "action(editor.save)" },
      { "<Control>Return", "action(editor.save)" },
      { "<Control>KP_Enter", "action(editor.save)" },
      { "Escape", "action(editor.close)" },
    };
    GtkPropagationPhase phase;
    g_autofree char *action = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      {
        g_autofree char *bound = bound_action (GTK_WIDGET (editor), keys[i].key, &phase);

        g_assert_cmpstr (bound, ==, keys[i].action);
        if (g_str_equal (keys[i].key, "<Control>Return"))
          g_assert_cmpint (phase, ==, GTK_PHASE_CAPTURE);
      }
    action = bound_action (GTK_WIDGET (f->window), "<Control>n", &phase);
    g_assert_cmpstr (action, ==, "action(win.new-record)");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (find_editor () == editor);
  g_assert_true (gtk_widget_get_visible (named (editor, "editor-message")));
  gtk_window_destroy (GTK_WINDOW (editor));
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
  g_test_add ("/aid-editor/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("new-by-typing", test_new_by_typing);
  ADD ("new-person", test_new_person);
  ADD ("categories-at-receipt", test_categories_at_receipt);
  ADD ("advance", test_advance);
  ADD ("step-saves-first", test_step_saves_first);
  ADD ("forward-before-receipt", test_forward_before_receipt);
  ADD ("overdue", test_overdue);
  ADD ("from-consultation", test_from_consultation);
  ADD ("edit-and-delete", test_edit_and_delete);
  ADD ("errors-beside-fields", test_errors_beside_fields);
  ADD ("keys-and-tab-order", test_keys_and_tab_order);
#undef ADD

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
