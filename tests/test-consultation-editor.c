/* test-consultation-editor.c — the consultation editor and its person
 * picker, driven through the real widgets under a virtual display: text
 * typed into entries, Enter as the entries' "activate", keys as the actions
 * they are bound to.  What is checked is what the clerk sees (labels, marked
 * fields, the window open or closed) and what the ledger holds afterwards. */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "desk-application.h"
#include "desk-codes.h"
#include "desk-consultation-editor.h"
#include "desk-consultation.h"
#include "desk-form.h"
#include "desk-person-picker.h"
#include "desk-person.h"
#include "desk-register.h"
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
  gint64      zhang_san;   /* 360426199101010071, 13800138000, 东坪村 */
  gint64      zhang_li;    /* 120103198806018241 */
  gint64      zhang_sanfeng; /* 13912345678, 西岭村, no ID number */
} Fixture;

/* Widgets and the main loop */

static DeskConsultationEditor *
find_editor (void)
{
  return find_toplevel (DESK_TYPE_CONSULTATION_EDITOR);
}

static DeskPersonPicker *
picker_of (DeskConsultationEditor *editor)
{
  return DESK_PERSON_PICKER (named (editor, "person"));
}

static void
wait_for_search (DeskConsultationEditor *editor)
{
  DeskPersonPicker *picker = picker_of (editor);

  while (desk_person_picker_get_searching (picker))
    g_main_context_iteration (NULL, TRUE);
  iterate ();
}

static int
result_rows (DeskConsultationEditor *editor)
{
  GtkListBox *list = GTK_LIST_BOX (named (editor, "person-results"));
  int n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static int
selected_row (DeskConsultationEditor *editor)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (named (editor,
                                                                            "person-results")));

  return row ? gtk_list_box_row_get_index (row) : -1;
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

static gint64
add_consultation (Fixture    *f,
                  const char *at,
                  gint64      person,
                  const char *content)
{
  g_autoptr(DeskConsultation) c = desk_consultation_new ();
  g_autoptr(GError) error = NULL;

  c->at = g_strdup (at);
  c->staff_id = f->li_ming;
  c->channel_id = desk_codes_find (f->store, DESK_CODE_CHANNEL, "来访");
  c->person_id = person;
  c->village_id = f->dongping;
  c->category_id = desk_codes_find (f->store, DESK_CODE_CONSULT_CATEGORY, "继承");
  c->content = g_strdup (content);
  c->reply = g_strdup ("依照民法典继承编答复。");
  c->result_id = desk_codes_find (f->store, DESK_CODE_CONSULT_RESULT, "当场解答");
  desk_consultation_create (f->store, c, &error);
  g_assert_no_error (error);
  return c->id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static int n;
  g_autofree char *name = g_strdup_printf ("editor-%d.db", ++n);
  g_autofree char *path = desk_test_path (name);
  DeskStore *store = desk_test_open_store (name);

  f->li_ming = add_staff (store, "李明");
  f->wang_fang = add_staff (store, "王芳");
  f->dongping = add_village (store, "东坪村");
  f->xiling = add_village (store, "西岭村");
  f->zhang_san = add_person (store, "张三", "360426199101010071", "13800138000", f->dongping);
  f->zhang_li = add_person (store, "张丽", "120103198806018241", NULL, 0);
  f->zhang_sanfeng = add_person (store, "张三丰", NULL, "13912345678", f->xiling);
  g_object_unref (store);

  f->window = desk_window_new (app, path);
  gtk_window_present (GTK_WINDOW (f->window));
  f->store = desk_window_get_store (f->window);
  g_assert_nonnull (f->store);
  desk_window_show_page (f->window, "consultations");
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

/* Ctrl+N on the consultations page. */
static DeskConsultationEditor *
open_new (Fixture *f)
{
  DeskConsultationEditor *editor;

  g_assert_null (find_editor ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-record", NULL));
  editor = find_editor ();
  g_assert_nonnull (editor);
  return editor;
}

static DeskConsultationEditor *
open_existing (Fixture *f,
               gint64   id)
{
  DeskConsultationEditor *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-consultation",
                                             "x", id));
  editor = find_editor ();
  g_assert_nonnull (editor);
  return editor;
}

static void
save (DeskConsultationEditor *editor)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  iterate ();
}

/* The rest of the form, as a clerk fills it in. */
static void
fill_rest (DeskConsultationEditor *editor)
{
  choose (editor, "staff", "王芳");
  type_choice (editor, "category", "继承");
  write_text (editor, "content", "父亲去世后房屋如何继承，兄弟间有争议。");
  write_text (editor, "reply", "告知法定继承顺序，建议协商，协商不成可申请调解。");
  type_choice (editor, "result", "当场");
}

/* Tests */

static void
test_ctrl_n_follows_the_page (Fixture       *f,
                              gconstpointer  data)
{
  DeskConsultationEditor *editor;
  g_autofree char *channel = NULL;

  /* A page with no editor yet: Ctrl+N does nothing there. */
  desk_window_show_page (f->window, "screenings");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-record", NULL));
  g_assert_null (find_editor ());

  desk_window_show_page (f->window, "consultations");
  editor = open_new (f);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (f->window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "登记法律咨询");
  /* Defaults: now, 来访, one visitor, nothing chosen for category and result. */
  g_assert_true (g_str_has_prefix (text_of (editor, "date"), "2026-11-23 "));
  channel = chosen (editor, "channel");
  g_assert_cmpstr (channel, ==, "来访");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (named (editor,
                                                                             "companions"))),
                   ==, 1);
  g_assert_null (chosen (editor, "category"));
  g_assert_null (chosen (editor, "result"));
  /* The clerk starts with the visitor. */
  g_assert_true (has_focus_in (editor, editor, "person-entry"));

  /* Nothing typed: Escape closes at once. */
  g_assert_false (desk_consultation_editor_get_modified (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.close", NULL));
  g_assert_null (find_dialog ());
  g_assert_null (find_editor ());
}

/* The named field that holds the focus (the entry, not its text). */
static const char *
focused_field (DeskConsultationEditor *editor)
{
  const char *fields[] = { "date", "staff", "channel", "person-entry", "person-new",
                           "person-anonymous", "companions", "village", "category", "content",
                           "reply", "result", "editor-save" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (has_focus_in (editor, editor, fields[i]))
      return fields[i];
  return NULL;
}

static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  DeskConsultationEditor *editor = open_new (f);
  GtkWidget *entry = named (editor, "person-entry");
  GtkPropagationPhase phase;
  char *action;

  /* Ctrl+Enter saves even from inside a multi-line field, which would
   * take it for a new line: it is caught before the field sees it. */
  action = bound_action (GTK_WIDGET (editor), "<Control>Return", &phase);
  g_assert_cmpstr (action, ==, "action(editor.save)");
  g_assert_cmpint (phase, ==, GTK_PHASE_CAPTURE);
  g_free (action);
  action = bound_action (GTK_WIDGET (editor), "<Control>KP_Enter", &phase);
  g_assert_cmpstr (action, ==, "action(editor.save)");
  g_free (action);
  action = bound_action (GTK_WIDGET (editor), "<Control>s", &phase);
  g_assert_cmpstr (action, ==, "action(editor.save)");
  g_free (action);
  action = bound_action (GTK_WIDGET (editor), "Escape", &phase);
  g_assert_cmpstr (action, ==, "action(editor.close)");
  g_assert_cmpint (phase, ==, GTK_PHASE_BUBBLE);
  g_free (action);

  /* Up, Down and Escape belong to the visitor's list while it shows, ahead
   * of the entry's own keys and of the window's Escape. */
  action = bound_action (entry, "Down", &phase);
  g_assert_cmpstr (action, ==, "action(picker.select-next)");
  g_assert_cmpint (phase, ==, GTK_PHASE_CAPTURE);
  g_free (action);
  action = bound_action (entry, "Up", &phase);
  g_assert_cmpstr (action, ==, "action(picker.select-previous)");
  g_free (action);
  action = bound_action (entry, "Escape", &phase);
  g_assert_cmpstr (action, ==, "action(picker.dismiss)");
  g_free (action);
  /* With no list shown they are off, so the keys go on to the window. */
  g_assert_false (press_key (entry, "Escape"));
  g_assert_false (press_key (entry, "Down"));
  type_into (editor, "person-entry", "张");
  wait_for_search (editor);
  g_assert_true (press_key (entry, "Down"));
  g_assert_cmpint (selected_row (editor), ==, 1);
  g_assert_true (press_key (entry, "Escape"));
  g_assert_false (press_key (entry, "Escape"));

  /* Ctrl+Enter from the text of 咨询内容 tries to save (and says what is
   * missing); Escape, with something typed, asks. */
  gtk_widget_grab_focus (named (editor, "content"));
  g_assert_true (press_key (GTK_WIDGET (editor), "<Control>Return"));
  g_assert_true (gtk_widget_get_visible (named (editor, "editor-message")));
  g_assert_true (find_editor () == editor);
  g_assert_true (press_key (GTK_WIDGET (editor), "Escape"));
  answer ("cancel");
  g_assert_true (find_editor () == editor);

  /* Ctrl+N is the window's. */
  action = bound_action (GTK_WIDGET (f->window), "<Control>n", &phase);
  g_assert_cmpstr (action, ==, "action(win.new-record)");
  g_free (action);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_tab_order (Fixture       *f,
                gconstpointer  data)
{
  DeskConsultationEditor *editor = open_new (f);
  const char *forward[] = { "date", "staff", "channel", "person-entry", "person-new",
                            "person-anonymous", "companions", "village", "category", "content",
                            "reply", "result", "editor-save" };

  /* Tab follows the paper form, whatever the grid's columns... */
  gtk_widget_grab_focus (named (editor, "date"));
  for (guint i = 1; i < G_N_ELEMENTS (forward); i++)
    {
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (editor), GTK_DIR_TAB_FORWARD));
      g_assert_cmpstr (focused_field (editor), ==, forward[i]);
    }
  /* ...and Shift+Tab goes back the same way, out of the visitor too. */
  gtk_widget_grab_focus (named (editor, "companions"));
  for (guint i = 5; i > 0; i--)
    {
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (editor), GTK_DIR_TAB_BACKWARD));
      g_assert_cmpstr (focused_field (editor), ==, forward[i]);
    }
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_returning_visitor (Fixture       *f,
                        gconstpointer  data)
{
  DeskConsultationEditor *editor = open_new (f);
  DeskPersonPicker *picker = picker_of (editor);
  g_autoptr(DeskConsultation) saved = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *village = NULL;
  g_autofree char *category = NULL;
  g_autofree char *result = NULL;

  /* Part of the name: every 张 is offered, best first. */
  type_into (editor, "person-entry", "张");
  wait_for_search (editor);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (named (editor,
                                                                         "person-results"),
                                                                  GTK_TYPE_POPOVER)));
  g_assert_cmpint (result_rows (editor), ==, 4);   /* three people and "new person" */
  g_assert_cmpint (selected_row (editor), ==, 0);
  /* Down, Down, Up: the keys are the picker's list actions. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (picker), "picker.select-next", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (picker), "picker.select-next", NULL));
  g_assert_cmpint (selected_row (editor), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (picker), "picker.select-previous",
                                             NULL));
  g_assert_cmpint (selected_row (editor), ==, 1);
  /* Escape closes the list and keeps the text. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (picker), "picker.dismiss", NULL));
  iterate ();
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (named (editor,
                                                                          "person-results"),
                                                                   GTK_TYPE_POPOVER)));
  g_assert_cmpstr (text_of (editor, "person-entry"), ==, "张");
  g_assert_cmpint (desk_person_picker_get_person_id (picker), ==, 0);

  /* "三丰" is part of one name only; Enter right away, before the search
   * came back, takes the best match when it does. */
  type_into (editor, "person-entry", "三丰");
  press_enter (editor, "person-entry");
  wait_for_search (editor);
  g_assert_cmpint (desk_person_picker_get_person_id (picker), ==, f->zhang_sanfeng);
  g_assert_cmpstr (text_of (editor, "person-entry"), ==, "张三丰");
  g_assert_cmpstr (text_of (editor, "person-details"), ==, "13912345678 · 西岭村");
  /* Enter moved on to 同来人数, and the visitor's village filled 所在村(居). */
  g_assert_true (has_focus_in (editor, editor, "companions"));
  village = chosen (editor, "village");
  g_assert_cmpstr (village, ==, "西岭村");

  /* Enter in 同来人数 moves on too. */
  type_into (editor, "companions", "3");
  press_enter (editor, "companions");
  g_assert_true (has_focus_in (editor, editor, "village"));

  fill_rest (editor);
  category = chosen (editor, "category");
  g_assert_cmpstr (category, ==, "继承");
  result = chosen (editor, "result");
  g_assert_cmpstr (result, ==, "当场解答");
  g_assert_true (desk_consultation_editor_get_modified (editor));

  save (editor);
  g_assert_null (find_editor ());

  ids = desk_consultation_list (f->store, NULL, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  saved = desk_consultation_get (f->store, g_array_index (ids, gint64, 0), NULL);
  g_assert_cmpstr (saved->number, ==, "ZX2026-0001");
  g_assert_cmpint (saved->person_id, ==, f->zhang_sanfeng);
  g_assert_cmpint (saved->village_id, ==, f->xiling);
  g_assert_cmpint (saved->staff_id, ==, f->wang_fang);
  g_assert_cmpint (saved->companions, ==, 3);
  g_assert_cmpint (saved->category_id, ==,
                   desk_codes_find (f->store, DESK_CODE_CONSULT_CATEGORY, "继承"));
  g_assert_cmpint (saved->result_id, ==,
                   desk_codes_find (f->store, DESK_CODE_CONSULT_RESULT, "当场解答"));
  g_assert_cmpstr (saved->content, ==, "父亲去世后房屋如何继承，兄弟间有争议。");
  g_assert_true (g_str_has_prefix (saved->at, "2026-11-23 "));
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, 3);

  /* The next consultation starts with the staff member used last. */
  editor = open_new (f);
  {
    g_autofree char *staff = chosen (editor, "staff");

    g_assert_cmpstr (staff, ==, "王芳");
  }
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_new_person_by_id_number (Fixture       *f,
                              gconstpointer  data)
{
  DeskConsultationEditor *editor = open_new (f);
  DeskPersonPicker *picker = picker_of (editor);
  char number[19];
  g_autoptr(DeskConsultation) saved = NULL;
  g_autoptr(DeskPerson) person = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *sex = NULL;

  /* A woman born 1985-03-15 (sequence 004, even), not registered. */
  g_snprintf (number, sizeof number, "%s%c", "36042619850315004",
              desk_id_check_character ("36042619850315004"));
  type_into (editor, "person-entry", number);
  wait_for_search (editor);
  /* No one matches: the list says so and offers to register. */
  g_assert_cmpint (result_rows (editor), ==, 2);
  g_assert_cmpint (selected_row (editor), ==, 1);
  press_enter (editor, "person-entry");

  g_assert_true (desk_person_picker_get_has_new_person (picker));
  g_assert_true (gtk_widget_get_visible (named (editor, "person-new-card")));
  g_assert_cmpstr (text_of (editor, "person-id-number"), ==, number);
  /* The number fills 性别 and 出生日期 at once. */
  sex = chosen (editor, "person-sex");
  g_assert_cmpstr (sex, ==, "女");
  g_assert_cmpstr (text_of (editor, "person-birth-date"), ==, "1985-03-15");
  g_assert_false (gtk_widget_get_sensitive (named (editor, "person-birth-date")));
  g_assert_false (shows_error (editor, "person-id-number", "person-id-number-error"));
  /* The name is still to be typed, so the clerk is taken there. */
  g_assert_true (has_focus_in (editor, editor, "person-name"));

  /* Enter passes over what the number filled in... */
  type_into (editor, "person-name", "赵敏");
  press_enter (editor, "person-name");
  g_assert_true (has_focus_in (editor, editor, "person-phone"));
  type_into (editor, "person-phone", "135 1234 5678");
  press_enter (editor, "person-phone");
  g_assert_false (shows_error (editor, "person-phone", "person-phone-error"));
  g_assert_true (has_focus_in (editor, editor, "person-village"));
  /* ...and out of the visitor after the village. */
  type_choice (editor, "person-village", "东坪");
  g_assert_true (has_focus_in (editor, editor, "companions"));
  /* The new person's village fills the consultation's. */
  {
    g_autofree char *village = chosen (editor, "village");

    g_assert_cmpstr (village, ==, "东坪村");
  }
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, 3);

  fill_rest (editor);
  save (editor);
  g_assert_null (find_editor ());

  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, 4);
  ids = desk_consultation_list (f->store, NULL, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  saved = desk_consultation_get (f->store, g_array_index (ids, gint64, 0), NULL);
  person = desk_person_get (f->store, saved->person_id, NULL);
  g_assert_nonnull (person);
  g_assert_cmpstr (person->name, ==, "赵敏");
  g_assert_cmpstr (person->id_number, ==, number);
  g_assert_cmpint (person->sex, ==, DESK_SEX_FEMALE);
  g_assert_cmpstr (person->birth_date, ==, "1985-03-15");
  g_assert_cmpstr (person->phone, ==, "13512345678");
  g_assert_cmpint (person->village_id, ==, f->dongping);
  g_assert_cmpint (saved->village_id, ==, f->dongping);
}

static void
test_date_forms_and_errors (Fixture       *f,
                            gconstpointer  data)
{
  DeskConsultationEditor *editor = open_new (f);

  /* The forms a clerk types are read and written out in full. */
  type_into (editor, "date", "20261122 0930");
  press_enter (editor, "date");
  g_assert_cmpstr (text_of (editor, "date"), ==, "2026-11-22 09:30");
  g_assert_false (shows_error (editor, "date", "date-error"));
  /* Enter moved on to 接待人. */
  g_assert_true (has_focus_in (editor, editor, "staff"));

  type_into (editor, "date", "11-22 9:30");
  press_enter (editor, "date");
  g_assert_cmpstr (text_of (editor, "date"), ==, "2026-11-22 09:30");

  /* A date that does not exist: said beside the field, the text kept, the
   * focus kept there. */
  gtk_widget_grab_focus (named (editor, "date"));
  type_into (editor, "date", "2026-13-45 09:30");
  press_enter (editor, "date");
  g_assert_true (shows_error (editor, "date", "date-error"));
  g_assert_nonnull (strstr (text_of (editor, "date-error"), "2026-13-45 09:30"));
  g_assert_nonnull (strstr (text_of (editor, "date-error"), "不是有效的日期时间"));
  g_assert_cmpstr (text_of (editor, "date"), ==, "2026-13-45 09:30");
  g_assert_true (has_focus_in (editor, editor, "date"));

  /* Fixing it clears the message as it is typed. */
  type_into (editor, "date", "2026-11-20 14:00");
  g_assert_false (shows_error (editor, "date", "date-error"));

  /* After today */
  type_into (editor, "date", "2026-11-24 09:00");
  press_enter (editor, "date");
  g_assert_true (shows_error (editor, "date", "date-error"));
  g_assert_nonnull (strstr (text_of (editor, "date-error"), "晚于今天"));

  /* Saving refuses, marks what is missing, and keeps what was typed. */
  write_text (editor, "reply", "已答复");
  save (editor);
  g_assert_true (find_editor () == editor);
  g_assert_true (shows_error (editor, "date", "date-error"));
  g_assert_true (shows_error (editor, "category", "category-error"));
  g_assert_true (shows_error (editor, "result", "result-error"));
  g_assert_true (gtk_widget_get_visible (named (editor, "content-error")));
  g_assert_true (shows_error (editor, "person-entry", "person-entry-error"));
  g_assert_true (gtk_widget_get_visible (named (editor, "editor-message")));
  g_assert_cmpstr (text_of (editor, "date"), ==, "2026-11-24 09:00");
  {
    g_autofree char *reply = text_view_text (editor, "reply");

    g_assert_cmpstr (reply, ==, "已答复");
  }
  /* The first field in error has the focus. */
  g_assert_true (has_focus_in (editor, editor, "date"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM consultations"), ==, 0);

  /* A choice made clears its message. */
  choose (editor, "category", "继承");
  g_assert_false (shows_error (editor, "category", "category-error"));

  /* Escape now asks; keep editing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.close", NULL));
  g_assert_nonnull (find_dialog ());
  answer ("cancel");
  iterate ();
  g_assert_true (find_editor () == editor);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_bad_id_number (Fixture       *f,
                    gconstpointer  data)
{
  DeskConsultationEditor *editor = open_new (f);
  DeskPersonPicker *picker = picker_of (editor);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (picker), "picker.new-person", NULL));
  g_assert_true (desk_person_picker_get_has_new_person (picker));
  type_into (editor, "person-name", "钱六");
  /* Half typed: no message yet. */
  type_into (editor, "person-id-number", "3604261991");
  g_assert_false (shows_error (editor, "person-id-number", "person-id-number-error"));
  /* All 18 characters with a wrong check character: said at once. */
  type_into (editor, "person-id-number", "360426199101010072");
  g_assert_true (shows_error (editor, "person-id-number", "person-id-number-error"));
  g_assert_cmpstr (text_of (editor, "person-id-number-error"), ==, "校验位应为1，而不是2");
  g_assert_cmpstr (text_of (editor, "person-id-number"), ==, "360426199101010072");
  /* Sex and birth date are not taken from a wrong number. */
  g_assert_cmpstr (text_of (editor, "person-birth-date"), ==, "");
  g_assert_true (gtk_widget_get_sensitive (named (editor, "person-birth-date")));

  fill_rest (editor);
  save (editor);
  g_assert_true (find_editor () == editor);
  g_assert_true (shows_error (editor, "person-id-number", "person-id-number-error"));
  g_assert_cmpstr (text_of (editor, "person-id-number"), ==, "360426199101010072");
  g_assert_cmpstr (text_of (editor, "person-name"), ==, "钱六");
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM consultations"), ==, 0);

  /* A bad mobile number too */
  type_into (editor, "person-id-number", "");
  type_into (editor, "person-phone", "1380013800");
  press_enter (editor, "person-phone");
  g_assert_true (shows_error (editor, "person-phone", "person-phone-error"));

  /* Corrected, it saves. */
  type_into (editor, "person-phone", "13700002222");
  g_assert_false (shows_error (editor, "person-phone", "person-phone-error"));
  save (editor);
  g_assert_null (find_editor ());
  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE name = '钱六'"
                             " AND phone = '13700002222' AND id_number IS NULL"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM consultations"), ==, 1);
}

static void
test_duplicate_person_offered (Fixture       *f,
                               gconstpointer  data)
{
  DeskConsultationEditor *editor = open_new (f);
  DeskPersonPicker *picker = picker_of (editor);

  /* The clerk registers someone new with an ID number already known. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (picker), "picker.new-person", NULL));
  type_into (editor, "person-name", "张叁");
  type_into (editor, "person-id-number", "360426199101010071");
  g_assert_true (gtk_widget_get_visible (named (editor, "person-duplicate")));
  g_assert_nonnull (strstr (text_of (editor, "person-duplicate-message"),
                            "该身份证号已登记为 张三"));
  g_assert_nonnull (strstr (text_of (editor, "person-duplicate-message"), "使用此人"));

  /* Saving does not make a second entry. */
  fill_rest (editor);
  save (editor);
  g_assert_true (find_editor () == editor);
  g_assert_true (shows_error (editor, "person-id-number", "person-id-number-error"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM consultations"), ==, 0);

  /* Taking the offer: the registered person is the visitor. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (picker), "picker.use-existing", NULL));
  g_assert_cmpint (desk_person_picker_get_person_id (picker), ==, f->zhang_san);
  g_assert_false (desk_person_picker_get_has_new_person (picker));
  g_assert_cmpstr (text_of (editor, "person-entry"), ==, "张三");
  save (editor);
  g_assert_null (find_editor ());
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, 3);
  g_assert_cmpint (count (f, "SELECT person_id FROM consultations"), ==, f->zhang_san);

  /* A phone number under the same name is the same person too... */
  editor = open_new (f);
  picker = picker_of (editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (picker), "picker.new-person", NULL));
  type_into (editor, "person-name", "张三丰");
  type_into (editor, "person-phone", "139-1234-5678");
  g_assert_true (gtk_widget_get_visible (named (editor, "person-duplicate")));
  g_assert_nonnull (strstr (text_of (editor, "person-duplicate-message"), "张三丰"));
  /* ...but not under another name: families share phones. */
  type_into (editor, "person-name", "李四");
  g_assert_false (gtk_widget_get_visible (named (editor, "person-duplicate")));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_anonymous_visitor (Fixture       *f,
                        gconstpointer  data)
{
  DeskConsultationEditor *editor = open_new (f);
  GtkCheckButton *anonymous = GTK_CHECK_BUTTON (named (editor, "person-anonymous"));

  type_into (editor, "person-entry", "张");
  wait_for_search (editor);
  gtk_check_button_set_active (anonymous, TRUE);
  iterate ();
  g_assert_true (desk_person_picker_get_anonymous (picker_of (editor)));
  g_assert_false (gtk_widget_get_sensitive (named (editor, "person-entry")));
  fill_rest (editor);
  save (editor);
  g_assert_null (find_editor ());
  g_assert_cmpint (count (f, "SELECT count(*) FROM consultations WHERE person_id IS NULL"), ==, 1);
}

static void
test_edit_existing (Fixture       *f,
                    gconstpointer  data)
{
  gint64 id = add_consultation (f, "2026-11-20 10:15", f->zhang_san, "宅基地边界纠纷。");
  DeskConsultationEditor *editor = open_existing (f, id);
  g_autoptr(DeskConsultation) saved = NULL;
  g_autofree char *content = NULL;
  g_autofree char *staff = NULL;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "咨询 ZX2026-0001");
  g_assert_cmpint (desk_consultation_editor_get_consultation_id (editor), ==, id);
  g_assert_cmpstr (text_of (editor, "date"), ==, "2026-11-20 10:15");
  g_assert_cmpstr (text_of (editor, "person-entry"), ==, "张三");
  g_assert_cmpint (desk_person_picker_get_person_id (picker_of (editor)), ==, f->zhang_san);
  staff = chosen (editor, "staff");
  g_assert_cmpstr (staff, ==, "李明");
  content = text_view_text (editor, "content");
  g_assert_cmpstr (content, ==, "宅基地边界纠纷。");
  g_assert_false (desk_consultation_editor_get_modified (editor));
  g_assert_true (gtk_widget_get_visible (named (editor, "editor-delete")));

  /* The core refuses to move a numbered record to another year: its
   * message goes beside 日期时间, and nothing typed is lost. */
  write_text (editor, "content", "宅基地边界纠纷，涉及两户。");
  type_into (editor, "date", "2025-12-30 10:15");
  save (editor);
  g_assert_true (find_editor () == editor);
  g_assert_true (shows_error (editor, "date", "date-error"));
  g_assert_nonnull (strstr (text_of (editor, "date-error"), "年份不能更改"));
  g_assert_cmpstr (text_of (editor, "date"), ==, "2025-12-30 10:15");
  g_clear_pointer (&content, g_free);
  content = text_view_text (editor, "content");
  g_assert_cmpstr (content, ==, "宅基地边界纠纷，涉及两户。");

  type_into (editor, "date", "2026-11-21 10:15");
  save (editor);
  g_assert_null (find_editor ());
  saved = desk_consultation_get (f->store, id, NULL);
  g_assert_cmpstr (saved->at, ==, "2026-11-21 10:15");
  g_assert_cmpstr (saved->content, ==, "宅基地边界纠纷，涉及两户。");
  g_assert_cmpstr (saved->number, ==, "ZX2026-0001");
  g_assert_cmpint (count (f, "SELECT count(*) FROM consultations"), ==, 1);
}

static void
test_escape_asks (Fixture       *f,
                  gconstpointer  data)
{
  DeskConsultationEditor *editor = open_new (f);
  g_autofree char *content = NULL;

  write_text (editor, "content", "借款未还。");
  g_assert_true (desk_consultation_editor_get_modified (editor));

  /* Escape is bound to editor.close; it asks first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.close", NULL));
  g_assert_nonnull (find_dialog ());
  answer ("cancel");
  iterate ();
  g_assert_null (find_dialog ());
  g_assert_true (find_editor () == editor);
  content = text_view_text (editor, "content");
  g_assert_cmpstr (content, ==, "借款未还。");

  /* Closing the window asks too. */
  gtk_window_close (GTK_WINDOW (editor));
  iterate ();
  g_assert_nonnull (find_dialog ());
  answer ("discard");
  iterate ();
  g_assert_null (find_editor ());
  g_assert_cmpint (count (f, "SELECT count(*) FROM consultations"), ==, 0);
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  gint64 id = add_consultation (f, "2026-11-20 10:15", 0, "匿名来电咨询工伤认定。");
  DeskConsultationEditor *editor = open_existing (f, id);
  g_autoptr(DeskConsultation) gone = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_person_picker_get_anonymous (picker_of (editor)));

  /* Asks; the answer "cancel" keeps the record. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL));
  g_assert_nonnull (find_dialog ());
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (find_dialog ()), "ZX2026-0001"));
  answer ("cancel");
  iterate ();
  g_assert_true (find_editor () == editor);
  g_assert_cmpint (count (f, "SELECT count(*) FROM consultations WHERE deleted_at IS NULL"),
                   ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL));
  answer ("delete");
  iterate ();
  g_assert_null (find_editor ());
  gone = desk_consultation_get (f->store, id, &error);
  g_assert_null (gone);
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);

  /* A new record cannot be deleted. */
  editor = open_new (f);
  g_assert_false (gtk_widget_get_visible (named (editor, "editor-delete")));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL);
  g_assert_null (find_dialog ());
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
opened_case (DeskConsultationEditor *editor,
             gint64                  consultation_id,
             gpointer                user_data)
{
  *(gint64 *) user_data = consultation_id;
}

static void
test_follow_up_offer (Fixture       *f,
                      gconstpointer  data)
{
  DeskConsultationEditor *editor;
  gint64 opened = 0;

  /* Without an editor for cases, nothing is offered (the window always
   * says how to open one: this form is made without the window). */
  editor = desk_consultation_editor_new (GTK_WINDOW (f->window), f->store);
  gtk_window_present (GTK_WINDOW (editor));
  iterate ();
  type_into (editor, "person-entry", "张三");
  press_enter (editor, "person-entry");
  wait_for_search (editor);
  fill_rest (editor);
  choose (editor, "result", "引导人民调解");
  g_assert_false (gtk_widget_get_visible (named (editor, "result-hint")));
  save (editor);
  g_assert_null (find_editor ());

  /* With one, the saved form offers it. */
  editor = open_new (f);
  desk_consultation_editor_set_open_case_func (editor, opened_case, &opened, NULL);
  type_into (editor, "person-entry", "张三");
  press_enter (editor, "person-entry");
  wait_for_search (editor);
  fill_rest (editor);
  choose (editor, "result", "引导人民调解");
  g_assert_true (gtk_widget_get_visible (named (editor, "result-hint")));
  save (editor);
  g_assert_true (find_editor () == editor);
  g_assert_cmpint (desk_consultation_editor_get_consultation_id (editor), >, 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "咨询 ZX2026-0002");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (
    named (editor, "editor-offer"), GTK_TYPE_REVEALER))));
  g_assert_nonnull (strstr (text_of (editor, "editor-offer-message"), "ZX2026-0002"));
  g_assert_false (desk_consultation_editor_get_modified (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.follow-up", NULL));
  iterate ();
  g_assert_cmpint (opened, ==, desk_consultation_find (f->store, "ZX2026-0002"));
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
  g_test_add ("/consultation-editor/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("ctrl-n-follows-the-page", test_ctrl_n_follows_the_page);
  ADD ("keys", test_keys);
  ADD ("tab-order", test_tab_order);
  ADD ("returning-visitor", test_returning_visitor);
  ADD ("new-person-by-id-number", test_new_person_by_id_number);
  ADD ("date-forms-and-errors", test_date_forms_and_errors);
  ADD ("bad-id-number", test_bad_id_number);
  ADD ("duplicate-person-offered", test_duplicate_person_offered);
  ADD ("anonymous-visitor", test_anonymous_visitor);
  ADD ("edit-existing", test_edit_existing);
  ADD ("escape-asks", test_escape_asks);
  ADD ("delete", test_delete);
  ADD ("follow-up-offer", test_follow_up_offer);
#undef ADD

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
