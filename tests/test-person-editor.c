/* test-person-editor.c — the editor of one person or organisation in the
 * register (当事人), driven through the real widgets under a virtual
 * display: text typed into entries, Enter as the entries' "activate", keys
 * as the actions they are bound to.  What is checked is what the clerk sees
 * (labels, marked fields, the window open or closed) and what the register
 * holds afterwards. */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "desk-application.h"
#include "desk-codes.h"
#include "desk-consultation.h"
#include "desk-dashboard-page.h"
#include "desk-person-editor.h"
#include "desk-person.h"
#include "desk-test-gui.h"
#include "desk-test-util.h"
#include "desk-window.h"

static DeskApplication *app;

typedef struct
{
  DeskWindow *window;
  DeskStore  *store;          /* the window's */
  gint64      dongping;       /* village */
  gint64      xiling;         /* village */
  gint64      zhang_san;      /* 360426199101010071, 13800138000, 东坪村; one consultation */
  gint64      zhang_sanfeng;  /* 13912345678, no ID number, no record */
  gint64      saved_id;
  gboolean    saved_created;
  guint       n_saved;
  gint64      deleted_id;
} Fixture;

static DeskPersonEditor *
find_editor (void)
{
  return find_toplevel (DESK_TYPE_PERSON_EDITOR);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return desk_test_query_int (f->store, sql);
}

static gint64
add_person (DeskStore  *store,
            const char *name,
            const char *id_number,
            const char *phone,
            gint64      village)
{
  g_autoptr(DeskPerson) person = desk_person_new ();
  g_autoptr(GError) error = NULL;

  person->name = g_strdup (name);
  person->id_number = g_strdup (id_number);
  person->phone = g_strdup (phone);
  person->village_id = village;
  desk_person_create (store, person, &error);
  g_assert_no_error (error);
  return person->id;
}

static void
add_consultation (DeskStore *store,
                  gint64     staff,
                  gint64     person)
{
  g_autoptr(DeskConsultation) c = desk_consultation_new ();
  g_autoptr(GError) error = NULL;

  c->at = g_strdup ("2026-11-20 09:30");
  c->staff_id = staff;
  c->channel_id = desk_codes_find (store, DESK_CODE_CHANNEL, "来访");
  c->person_id = person;
  c->category_id = desk_codes_find (store, DESK_CODE_CONSULT_CATEGORY, "继承");
  c->content = g_strdup ("父亲去世后房屋如何继承。");
  c->result_id = desk_codes_find (store, DESK_CODE_CONSULT_RESULT, "当场解答");
  desk_consultation_create (store, c, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static int n;
  g_autofree char *name = g_strdup_printf ("person-%d.db", ++n);
  g_autofree char *path = desk_test_path (name);
  DeskStore *store = desk_test_open_store (name);
  gint64 staff;

  staff = add_staff (store, "李明");
  f->dongping = add_village (store, "东坪村");
  f->xiling = add_village (store, "西岭村");
  f->zhang_san = add_person (store, "张三", "360426199101010071", "13800138000", f->dongping);
  f->zhang_sanfeng = add_person (store, "张三丰", NULL, "13912345678", f->xiling);
  add_consultation (store, staff, f->zhang_san);
  g_object_unref (store);

  f->window = desk_window_new (app, path);
  gtk_window_present (GTK_WINDOW (f->window));
  f->store = desk_window_get_store (f->window);
  g_assert_nonnull (f->store);
  desk_window_show_page (f->window, "people");
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

static void
editor_saved (DeskPersonEditor *editor,
              gint64            id,
              gboolean          created,
              Fixture          *f)
{
  f->saved_id = id;
  f->saved_created = created;
  f->n_saved++;
}

static void
editor_deleted (DeskPersonEditor *editor,
                gint64            id,
                Fixture          *f)
{
  f->deleted_id = id;
}

static DeskPersonEditor *
watch (Fixture          *f,
       DeskPersonEditor *editor)
{
  g_assert_nonnull (editor);
  g_signal_connect (editor, "saved", G_CALLBACK (editor_saved), f);
  g_signal_connect (editor, "deleted", G_CALLBACK (editor_deleted), f);
  return editor;
}

/* Ctrl+N on the people page. */
static DeskPersonEditor *
open_new (Fixture *f)
{
  g_assert_null (find_editor ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-record", NULL));
  return watch (f, find_editor ());
}

static DeskPersonEditor *
open_existing (Fixture *f,
               gint64   id)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-person", "x",
                                             id));
  return watch (f, find_editor ());
}

static void
save (DeskPersonEditor *editor)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  iterate ();
}

static gboolean
shown (gpointer    root,
       const char *name)
{
  return gtk_widget_get_visible (named (root, name));
}

static gboolean
active (gpointer    root,
        const char *name)
{
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (named (root, name)));
}

static const char *
toast_title (Fixture *f)
{
  AdwToast *toast = desk_window_get_last_toast (f->window);

  return toast ? adw_toast_get_title (toast) : NULL;
}

/* Tests */

static void
test_new_person_by_typing (Fixture       *f,
                           gconstpointer  data)
{
  DeskPersonEditor *editor;
  g_autofree char *sex = NULL;
  g_autofree char *village = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *expected = NULL;

  /* Ctrl+N follows the page: on the people page, a new person. */
  editor = open_new (f);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (f->window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "登记当事人");
  g_assert_true (has_focus_in (editor, editor, "name"));
  g_assert_false (shown (editor, "editor-delete"));
  g_assert_false (shown (editor, "legal-rep"));

  /* Enter moves on, past 证件类型 (already 居民身份证). */
  type_into (editor, "name", "李梅");
  press_enter (editor, "name");
  g_assert_true (has_focus_in (editor, editor, "id-number"));

  /* The ID number fills sex and birth date, and locks them. */
  type_into (editor, "id-number", "12010319880601824");
  g_assert_false (shows_error (editor, "id-number", "id-number-error"));   /* still typing */
  g_assert_cmpstr (text_of (editor, "birth-date"), ==, "");
  type_into (editor, "id-number", "120103198806018241");
  sex = chosen (editor, "sex");
  g_assert_cmpstr (sex, ==, "女");
  g_assert_cmpstr (text_of (editor, "birth-date"), ==, "1988-06-01");
  g_assert_false (gtk_widget_get_sensitive (named (editor, "birth-date")));
  g_assert_false (gtk_widget_get_sensitive (named (editor, "sex")));
  g_assert_true (active (editor, "derived-female"));
  g_assert_false (active (editor, "derived-elderly"));
  g_assert_nonnull (strstr (text_of (editor, "derived-note"), "38岁"));

  /* Enter passes by what the number filled, to the phone; the phone is
   * written as the register keeps it. */
  press_enter (editor, "id-number");
  g_assert_true (has_focus_in (editor, editor, "phone"));
  type_into (editor, "phone", "139-0797-0123");
  press_enter (editor, "phone");
  g_assert_cmpstr (text_of (editor, "phone"), ==, "13907970123");
  g_assert_true (has_focus_in (editor, editor, "village"));
  type_choice (editor, "village", "西岭");
  village = chosen (editor, "village");
  g_assert_cmpstr (village, ==, "西岭村");
  g_assert_true (has_focus_in (editor, editor, "address"));
  type_into (editor, "address", "西岭村三组12号");
  press_enter (editor, "address");
  g_assert_true (has_focus_in (editor, editor, "editor-save"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (named (editor, "flag-farmer")), TRUE);
  iterate ();
  g_assert_true (desk_person_editor_get_modified (editor));

  save (editor);
  g_assert_null (find_editor ());
  g_assert_cmpuint (f->n_saved, ==, 1);
  g_assert_true (f->saved_created);
  g_assert_cmpint (f->saved_id, >, f->zhang_sanfeng);
  stored = desk_test_query_text (f->store,
                                 "SELECT name || '|' || sex || '|' || birth_date || '|' ||"
                                 " id_type || '|' || id_number || '|' || phone || '|' ||"
                                 " address || '|' || village_id || '|' || is_farmer || '|' ||"
                                 " is_disabled || '|' || kind FROM people"
                                 " WHERE id = (SELECT max(id) FROM people)");
  expected = g_strdup_printf ("李梅|女|1988-06-01|居民身份证|120103198806018241|"
                              "13907970123|西岭村三组12号|%" G_GINT64_FORMAT "|1|0|person",
                              f->xiling);
  g_assert_cmpstr (stored, ==, expected);
  g_assert_cmpstr (toast_title (f), ==, "当事人 李梅 已保存");
}

static void
test_edit_existing (Fixture       *f,
                    gconstpointer  data)
{
  DeskPersonEditor *editor = open_existing (f, f->zhang_san);
  g_autofree char *sex = chosen (editor, "sex");
  g_autofree char *village = chosen (editor, "village");
  g_autofree char *phone = NULL;

  g_assert_cmpint (desk_person_editor_get_person_id (editor), ==, f->zhang_san);
  g_assert_cmpstr (desk_person_editor_get_name (editor), ==, "张三");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "张三");
  g_assert_cmpstr (text_of (editor, "name"), ==, "张三");
  g_assert_cmpstr (text_of (editor, "id-number"), ==, "360426199101010071");
  g_assert_cmpstr (sex, ==, "男");
  g_assert_cmpstr (text_of (editor, "birth-date"), ==, "1991-01-01");
  g_assert_false (gtk_widget_get_sensitive (named (editor, "birth-date")));
  g_assert_cmpstr (village, ==, "东坪村");
  g_assert_true (shows_error (editor, "id-number", "id-number-error") == FALSE);
  g_assert_false (shown (editor, "person-duplicate"));
  g_assert_true (shown (editor, "editor-delete"));
  /* A registered entry keeps its kind. */
  g_assert_false (gtk_widget_get_sensitive (named (editor, "kind")));
  g_assert_false (desk_person_editor_get_modified (editor));

  type_into (editor, "phone", "13800138001");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (named (editor, "flag-disabled")), TRUE);
  iterate ();
  g_assert_true (desk_person_editor_get_modified (editor));
  save (editor);
  g_assert_null (find_editor ());
  g_assert_cmpuint (f->n_saved, ==, 1);
  g_assert_false (f->saved_created);
  g_assert_cmpint (f->saved_id, ==, f->zhang_san);
  phone = desk_test_query_text (f->store, "SELECT phone || '|' || is_disabled || '|' ||"
                                          " birth_date FROM people WHERE name = '张三'");
  g_assert_cmpstr (phone, ==, "13800138001|1|1991-01-01");
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, 2);
  g_assert_cmpstr (toast_title (f), ==, "当事人 张三 已保存");

  /* An entry that is gone says so, and no form opens. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-person", "x",
                                             (gint64) 999));
  g_assert_null (find_editor ());
  g_assert_nonnull (toast_title (f));
  g_assert_cmpstr (toast_title (f), !=, "当事人 张三 已保存");
}

static void
test_validation_beside_fields (Fixture       *f,
                               gconstpointer  data)
{
  DeskPersonEditor *editor = open_new (f);

  /* A wrong check character: said under the field, the text kept, and
   * nothing filled. */
  type_into (editor, "name", "王五");
  type_into (editor, "id-number", "360426199101010072");
  g_assert_true (shows_error (editor, "id-number", "id-number-error"));
  g_assert_cmpstr (text_of (editor, "id-number-error"), ==, "校验位应为1，而不是2");
  g_assert_cmpstr (text_of (editor, "id-number"), ==, "360426199101010072");
  g_assert_cmpstr (text_of (editor, "birth-date"), ==, "");
  g_assert_true (gtk_widget_get_sensitive (named (editor, "birth-date")));
  /* Enter stays on a wrong field. */
  press_enter (editor, "id-number");
  g_assert_false (has_focus_in (editor, editor, "phone"));

  /* A half-typed phone is said to be wrong when the field is left. */
  type_into (editor, "phone", "1380013");
  g_assert_false (shows_error (editor, "phone", "phone-error"));
  press_enter (editor, "phone");
  g_assert_true (shows_error (editor, "phone", "phone-error"));
  g_assert_cmpstr (text_of (editor, "phone"), ==, "1380013");

  /* Saving keeps everything and points at the first wrong field. */
  save (editor);
  g_assert_true (find_editor () == editor);
  g_assert_true (shown (editor, "editor-message"));
  g_assert_true (has_focus_in (editor, editor, "id-number"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, 2);
  g_assert_cmpuint (f->n_saved, ==, 0);

  /* A birth date and sex typed before the number are checked against it,
   * not overwritten. */
  type_into (editor, "id-number", "");
  choose (editor, "sex", "女");
  type_into (editor, "birth-date", "1990-01-01");
  type_into (editor, "id-number", "360426199101010071");
  g_assert_true (shows_error (editor, "birth-date", "birth-date-error"));
  g_assert_cmpstr (text_of (editor, "birth-date-error"), ==, "与身份证号不符（号码中为1991-01-01）");
  g_assert_cmpstr (text_of (editor, "birth-date"), ==, "1990-01-01");
  g_assert_true (gtk_widget_get_sensitive (named (editor, "birth-date")));
  type_into (editor, "birth-date", "1991-01-01");
  g_assert_false (shows_error (editor, "birth-date", "birth-date-error"));
  g_assert_true (shows_error (editor, "sex", "sex-error"));
  choose (editor, "sex", "男");
  g_assert_false (shows_error (editor, "sex", "sex-error"));
  g_assert_false (gtk_widget_get_sensitive (named (editor, "birth-date")));
  g_assert_false (gtk_widget_get_sensitive (named (editor, "sex")));

  /* Another document: what the number filled stays, open to typing. */
  choose (editor, "id-type", "其他");
  g_assert_cmpstr (text_of (editor, "birth-date"), ==, "1991-01-01");
  g_assert_true (gtk_widget_get_sensitive (named (editor, "birth-date")));
  g_assert_false (shows_error (editor, "id-number", "id-number-error"));

  /* A passport: the number is taken as typed, sex and birth date typed;
   * emptying a 居民身份证 number empties what it filled. */
  choose (editor, "id-type", "居民身份证");
  g_assert_false (gtk_widget_get_sensitive (named (editor, "birth-date")));
  type_into (editor, "id-number", "");
  g_assert_cmpstr (text_of (editor, "birth-date"), ==, "");
  choose (editor, "id-type", "护照");
  type_into (editor, "id-number", "e12345678");
  g_assert_false (shows_error (editor, "id-number", "id-number-error"));
  type_into (editor, "birth-date", "1991-13-01");
  press_enter (editor, "birth-date");
  g_assert_true (shows_error (editor, "birth-date", "birth-date-error"));
  g_assert_cmpstr (text_of (editor, "birth-date"), ==, "1991-13-01");
  type_into (editor, "birth-date", "1991年3月5日");
  press_enter (editor, "birth-date");
  g_assert_false (shows_error (editor, "birth-date", "birth-date-error"));
  g_assert_cmpstr (text_of (editor, "birth-date"), ==, "1991-03-05");

  /* An empty name is said to be wrong on saving. */
  type_into (editor, "name", "");
  type_into (editor, "phone", "0797-8123456");
  save (editor);
  g_assert_true (shows_error (editor, "name", "name-error"));
  g_assert_true (has_focus_in (editor, editor, "name"));
  type_into (editor, "name", "Smith John");
  g_assert_false (shows_error (editor, "name", "name-error"));
  choose (editor, "sex", "男");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (named (editor, "flag-foreigner")), TRUE);
  save (editor);
  g_assert_null (find_editor ());
  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE id_type = '护照'"
                             " AND id_number = 'E12345678' AND birth_date = '1991-03-05'"
                             " AND phone = '0797-8123456' AND is_foreigner = 1"), ==, 1);
}

static void
test_duplicate_refused_and_opened (Fixture       *f,
                                   gconstpointer  data)
{
  DeskPersonEditor *editor = open_new (f);
  g_autofree char *village = NULL;

  /* 张三's ID number: refused as soon as it is typed, with the registered
   * entry offered. */
  type_into (editor, "name", "张三");
  type_into (editor, "id-number", "360426199101010071");
  g_assert_true (shown (editor, "person-duplicate"));
  g_assert_true (shows_error (editor, "id-number", "id-number-error"));
  g_assert_cmpstr (text_of (editor, "id-number-error"), ==, "已登记过，见下方");
  g_assert_nonnull (strstr (text_of (editor, "person-duplicate-message"), "该证件号码已登记为 张三（"));
  g_assert_nonnull (strstr (text_of (editor, "person-duplicate-message"), "东坪村"));
  press_enter (editor, "id-number");
  g_assert_true (has_focus_in (editor, editor, "person-open-existing"));
  save (editor);
  g_assert_true (find_editor () == editor);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, 2);
  g_assert_cmpuint (f->n_saved, ==, 0);

  /* Nothing typed that 张三's entry lacks: it opens here at once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.open-existing",
                                             NULL));
  iterate ();
  g_assert_null (find_dialog ());
  g_assert_true (find_editor () == editor);
  g_assert_cmpint (desk_person_editor_get_person_id (editor), ==, f->zhang_san);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "张三");
  g_assert_cmpstr (text_of (editor, "phone"), ==, "13800138000");
  village = chosen (editor, "village");
  g_assert_cmpstr (village, ==, "东坪村");
  g_assert_false (shown (editor, "person-duplicate"));
  g_assert_false (shows_error (editor, "id-number", "id-number-error"));
  g_assert_false (desk_person_editor_get_modified (editor));
  g_assert_true (shown (editor, "editor-delete"));
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate ();

  /* A family member sharing the phone under another name is someone
   * else. */
  editor = open_new (f);
  type_into (editor, "name", "李四");
  type_into (editor, "phone", "13912345678");
  g_assert_false (shown (editor, "person-duplicate"));
  /* The same phone under the same name is 张三丰, offered under the phone. */
  type_into (editor, "name", "张三丰");
  g_assert_true (shown (editor, "person-duplicate"));
  g_assert_true (shows_error (editor, "phone", "phone-error"));
  g_assert_nonnull (strstr (text_of (editor, "person-duplicate-message"),
                            "该电话已登记在同名的 张三丰"));
  /* Something typed that the entry lacks: asked first. */
  type_into (editor, "address", "西岭村五组");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.open-existing",
                                             NULL));
  iterate ();
  g_assert_nonnull (find_dialog ());
  answer ("cancel");
  g_assert_cmpint (desk_person_editor_get_person_id (editor), ==, 0);
  g_assert_cmpstr (text_of (editor, "address"), ==, "西岭村五组");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.open-existing",
                                             NULL));
  iterate ();
  answer ("discard");
  g_assert_true (find_editor () == editor);
  g_assert_cmpint (desk_person_editor_get_person_id (editor), ==, f->zhang_sanfeng);
  g_assert_cmpstr (text_of (editor, "address"), ==, "");
  g_assert_cmpstr (text_of (editor, "id-number"), ==, "");
  g_assert_false (shown (editor, "person-duplicate"));
  g_assert_false (shows_error (editor, "phone", "phone-error"));

  /* Editing one entry into another's ID number is refused too. */
  type_into (editor, "id-number", "360426199101010071");
  g_assert_true (shown (editor, "person-duplicate"));
  save (editor);
  g_assert_true (find_editor () == editor);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE id_number IS NOT NULL"), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.open-existing",
                                             NULL));
  iterate ();
  /* The edits to 张三丰 would be lost: asked. */
  g_assert_nonnull (find_dialog ());
  answer ("discard");
  g_assert_cmpint (desk_person_editor_get_person_id (editor), ==, f->zhang_san);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_organisation (Fixture       *f,
                   gconstpointer  data)
{
  DeskPersonEditor *editor = open_new (f);
  g_autofree char *stored = NULL;

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (named (editor, "kind-organisation")), TRUE);
  iterate ();
  /* Only an organisation's fields. */
  g_assert_true (shown (editor, "legal-rep"));
  g_assert_false (shown (editor, "sex"));
  g_assert_false (shown (editor, "birth-date"));
  g_assert_false (shown (editor, "id-type"));
  g_assert_false (shown (editor, "ethnicity"));
  g_assert_false (shown (editor, "village"));
  g_assert_false (shown (editor, "flags"));
  g_assert_false (shown (editor, "derived"));
  g_assert_cmpstr (text_of (editor, "name-label"), ==, "名称");
  g_assert_cmpstr (text_of (editor, "id-label"), ==, "统一社会信用代码");
  g_assert_cmpstr (text_of (editor, "phone-label"), ==, "电话");
  g_assert_cmpstr (text_of (editor, "address-label"), ==, "地址");

  type_into (editor, "name", "青山镇宏达建材有限公司");
  press_enter (editor, "name");
  g_assert_true (has_focus_in (editor, editor, "id-number"));
  /* A credit code is judged once it has 18 characters. */
  type_into (editor, "id-number", "91360426MA35ABCD1");
  g_assert_false (shows_error (editor, "id-number", "id-number-error"));
  type_into (editor, "id-number", "91360426MA35ABCD1X");
  g_assert_true (shows_error (editor, "id-number", "id-number-error"));
  g_assert_cmpstr (text_of (editor, "id-number"), ==, "91360426MA35ABCD1X");
  type_into (editor, "id-number", "91360426ma35abcd1y");
  g_assert_false (shows_error (editor, "id-number", "id-number-error"));
  press_enter (editor, "id-number");
  g_assert_true (has_focus_in (editor, editor, "legal-rep"));
  type_into (editor, "legal-rep", "陈宏达");
  press_enter (editor, "legal-rep");
  g_assert_true (has_focus_in (editor, editor, "phone"));
  type_into (editor, "phone", "0797-6123456");
  type_into (editor, "address", "青山镇工业园8号");
  save (editor);
  g_assert_null (find_editor ());
  g_assert_true (f->saved_created);
  stored = desk_test_query_text (f->store,
                                 "SELECT kind || '|' || name || '|' || id_type || '|' ||"
                                 " id_number || '|' || legal_rep || '|' || phone || '|' ||"
                                 " address || '|' || coalesce (sex, '-') FROM people"
                                 " WHERE kind = 'org'");
  g_assert_cmpstr (stored, ==, "org|青山镇宏达建材有限公司|统一社会信用代码|91360426MA35ABCD1Y|"
                               "陈宏达|0797-6123456|青山镇工业园8号|-");

  /* Opened again: an organisation, its kind kept. */
  editor = open_existing (f, f->saved_id);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (named (editor,
                                                                         "kind-organisation"))));
  g_assert_false (gtk_widget_get_sensitive (named (editor, "kind")));
  g_assert_true (shown (editor, "legal-rep"));
  g_assert_false (shown (editor, "sex"));
  g_assert_cmpstr (text_of (editor, "legal-rep"), ==, "陈宏达");
  g_assert_cmpstr (text_of (editor, "id-number"), ==, "91360426MA35ABCD1Y");
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate ();

  /* The same credit code again is refused. */
  editor = open_new (f);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (named (editor, "kind-organisation")), TRUE);
  type_into (editor, "name", "宏达建材");
  type_into (editor, "id-number", "91360426MA35ABCD1Y");
  g_assert_true (shown (editor, "person-duplicate"));
  g_assert_nonnull (strstr (text_of (editor, "person-duplicate-message"),
                            "该统一社会信用代码已登记为 青山镇宏达建材有限公司"));
  /* Back to a natural person: the number is an ID number again, and
   * wrong as one. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (named (editor, "kind-natural")), TRUE);
  iterate ();
  g_assert_false (shown (editor, "person-duplicate"));
  g_assert_true (shows_error (editor, "id-number", "id-number-error"));
  g_assert_true (shown (editor, "sex"));
  g_assert_false (shown (editor, "legal-rep"));
  g_assert_cmpstr (text_of (editor, "name-label"), ==, "姓名");
  g_assert_cmpstr (text_of (editor, "id-label"), ==, "证件号码");
  g_assert_cmpstr (text_of (editor, "phone-label"), ==, "手机/电话");
  g_assert_cmpstr (text_of (editor, "address-label"), ==, "住址");
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  DeskPersonEditor *editor = open_existing (f, f->zhang_san);

  /* 张三 is named by a consultation: refused before anything is asked,
   * saying how many records name him. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL));
  iterate ();
  g_assert_null (find_dialog ());
  g_assert_true (shown (editor, "editor-message"));
  g_assert_nonnull (strstr (text_of (editor, "editor-message"), "咨询登记1条"));
  g_assert_true (find_editor () == editor);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE deleted_at IS NULL"), ==, 2);
  g_assert_cmpint (f->deleted_id, ==, 0);
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate ();

  /* 张三丰 is named by nothing: asked, and Cancel keeps him. */
  editor = open_existing (f, f->zhang_sanfeng);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL));
  iterate ();
  g_assert_nonnull (find_dialog ());
  g_assert_cmpstr (adw_message_dialog_get_heading (find_dialog ()), ==, "从当事人名册中删除 张三丰？");
  answer ("cancel");
  g_assert_true (find_editor () == editor);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE deleted_at IS NULL"), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL));
  iterate ();
  answer ("delete");
  iterate ();
  g_assert_null (find_editor ());
  g_assert_cmpint (f->deleted_id, ==, f->zhang_sanfeng);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE deleted_at IS NOT NULL"), ==, 1);
  g_assert_cmpstr (toast_title (f), ==, "当事人 张三丰 已删除");
  /* Gone from the register: it no longer opens. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-person", "x",
                                             f->zhang_sanfeng));
  g_assert_null (find_editor ());
}

/* The named field that holds the focus. */
static const char *
focused_field (DeskPersonEditor *editor)
{
  const char *fields[] = { "kind-natural", "kind-organisation", "name", "id-type", "id-number",
                           "legal-rep", "sex", "birth-date", "ethnicity", "phone", "village",
                           "address", "flag-disabled", "flag-migrant-worker", "flag-farmer",
                           "flag-military", "flag-foreigner", "person-open-existing",
                           "editor-save" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (has_focus_in (editor, editor, fields[i]))
      return fields[i];
  return NULL;
}

static void
test_tab_order (Fixture       *f,
                gconstpointer  data)
{
  DeskPersonEditor *editor = open_new (f);
  const char *natural[] = { "name", "id-type", "id-number", "sex", "birth-date", "ethnicity",
                            "phone", "village", "address", "flag-disabled",
                            "flag-migrant-worker", "flag-farmer", "flag-military",
                            "flag-foreigner" };
  const char *organisation[] = { "name", "id-number", "legal-rep", "phone", "address" };

  /* Tab follows the form, row by row... */
  while (gtk_widget_get_width (named (editor, "address")) == 0)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_grab_focus (named (editor, "name"));
  for (guint i = 1; i < G_N_ELEMENTS (natural); i++)
    {
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (editor), GTK_DIR_TAB_FORWARD));
      g_assert_cmpstr (focused_field (editor), ==, natural[i]);
    }
  /* ...past what the ID number filled. */
  type_into (editor, "id-number", "360426199202149240");
  gtk_widget_grab_focus (named (editor, "id-number"));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (editor), GTK_DIR_TAB_FORWARD));
  g_assert_cmpstr (focused_field (editor), ==, "ethnicity");

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (named (editor, "kind-organisation")), TRUE);
  /* Tab goes by where the fields are: wait for the new layout. */
  while (gtk_widget_get_width (named (editor, "legal-rep")) == 0)
    g_main_context_iteration (NULL, TRUE);
  iterate ();
  gtk_widget_grab_focus (named (editor, "name"));
  for (guint i = 1; i < G_N_ELEMENTS (organisation); i++)
    {
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (editor), GTK_DIR_TAB_FORWARD));
      g_assert_cmpstr (focused_field (editor), ==, organisation[i]);
    }
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_keys_and_escape (Fixture       *f,
                      gconstpointer  data)
{
  DeskPersonEditor *editor = open_new (f);
  GtkPropagationPhase phase;
  char *action;

  action = bound_action (GTK_WIDGET (editor), "<Control>Return", &phase);
  g_assert_cmpstr (action, ==, "action(editor.save)");
  g_assert_cmpint (phase, ==, GTK_PHASE_CAPTURE);
  g_free (action);
  action = bound_action (GTK_WIDGET (editor), "<Control>s", &phase);
  g_assert_cmpstr (action, ==, "action(editor.save)");
  g_free (action);
  action = bound_action (GTK_WIDGET (editor), "Escape", &phase);
  g_assert_cmpstr (action, ==, "action(editor.close)");
  g_free (action);

  /* Nothing typed: Escape closes at once. */
  g_assert_true (press_key (GTK_WIDGET (editor), "Escape"));
  g_assert_null (find_dialog ());
  g_assert_null (find_editor ());

  /* Something typed: asked, and keeping on editing is the default. */
  editor = open_new (f);
  type_into (editor, "name", "赵六");
  g_assert_true (press_key (GTK_WIDGET (editor), "Escape"));
  g_assert_nonnull (find_dialog ());
  answer ("cancel");
  g_assert_true (find_editor () == editor);
  g_assert_cmpstr (text_of (editor, "name"), ==, "赵六");
  /* Ctrl+Enter saves from the field being typed into. */
  gtk_widget_grab_focus (named (editor, "name"));
  g_assert_true (press_key (GTK_WIDGET (editor), "<Control>Return"));
  g_assert_null (find_editor ());
  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE name = '赵六'"), ==, 1);

  editor = open_new (f);
  type_into (editor, "name", "孙七");
  g_assert_true (press_key (GTK_WIDGET (editor), "Escape"));
  answer ("discard");
  iterate ();
  g_assert_null (find_editor ());
  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE name = '孙七'"), ==, 0);
}

static void
test_opened_from_a_page (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *page;
  DeskPersonEditor *editor;

  /* A person named on the dashboard (or any page) opens in the editor. */
  desk_window_show_page (f->window, "dashboard");
  page = find_type (GTK_WIDGET (f->window), DESK_TYPE_DASHBOARD_PAGE);
  g_assert_nonnull (page);
  g_signal_emit_by_name (page, "open-record", "person", f->zhang_sanfeng);
  iterate ();
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpint (desk_person_editor_get_person_id (editor), ==, f->zhang_sanfeng);
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate ();

  /* Ctrl+N elsewhere is not a new person. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-record", NULL));
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
  g_test_add ("/person-editor/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("new-person-by-typing", test_new_person_by_typing);
  ADD ("edit-existing", test_edit_existing);
  ADD ("validation-beside-fields", test_validation_beside_fields);
  ADD ("duplicate-refused-and-opened", test_duplicate_refused_and_opened);
  ADD ("organisation", test_organisation);
  ADD ("delete", test_delete);
  ADD ("keys-and-escape", test_keys_and_escape);
  ADD ("tab-order", test_tab_order);
  ADD ("opened-from-a-page", test_opened_from_a_page);
#undef ADD

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
