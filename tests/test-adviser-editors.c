/* test-adviser-editors.c — the dispute-screening editor, the legal-adviser
 * editor with its villages over time, the month's service log typed as a
 * grid, and the 法律顾问 page, driven through the real widgets under a
 * virtual display: text typed into entries, Enter as the entries'
 * "activate", choices typed into the lists' search.  What is checked is
 * what the clerk sees (messages beside fields, marked rows, the summary
 * under the grid, the page's rows) and what the ledger holds afterwards. */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "desk-adviser-editor.h"
#include "desk-adviser-page.h"
#include "desk-adviser.h"
#include "desk-application.h"
#include "desk-codes.h"
#include "desk-form.h"
#include "desk-register.h"
#include "desk-screening-editor.h"
#include "desk-screening.h"
#include "desk-service-log.h"
#include "desk-test-gui.h"
#include "desk-test-util.h"
#include "desk-window.h"

static DeskApplication *app;

typedef struct
{
  DeskWindow *window;
  DeskStore  *store;        /* the window's */
  gint64      dongping;     /* village 东坪村 */
  gint64      xiling;       /* village 西岭村 */
  gint64      nangang;      /* village 南岗村 */
  gint64      dongping_committee;  /* 东坪村人民调解委员会, of 东坪村 */
  gint64      town_committee;      /* 青山镇人民调解委员会, no village */
} Fixture;

/* ---- widgets and the main loop ------------------------------------------ */

static gboolean
is_marked (gpointer    root,
           const char *field)
{
  return gtk_widget_has_css_class (named (root, field), "error");
}

/* What pressing @accelerator on @widget does through the shortcut bound
 * to it: whether the shortcut took the key. */
static gboolean
press_shortcut (gpointer    widget,
                const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (widget));
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);
  gboolean taken = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !taken; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            {
              taken = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                    GTK_WIDGET (widget),
                                                    gtk_shortcut_get_arguments (shortcut));
              break;
            }
        }
    }
  iterate ();
  return taken;
}

/* A key as the widget's key controllers see it. */
static gboolean
key_press (gpointer    root,
           const char *name,
           guint       keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (named (root, name));
  gboolean taken = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !taken; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &taken);
    }
  iterate ();
  return taken;
}

static void
activate (gpointer    widget,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), action, NULL));
  iterate ();
}

/* ---- the ledger ----------------------------------------------------------- */

static gint64
count (Fixture    *f,
       const char *sql)
{
  return desk_test_query_int (f->store, sql);
}

static char *
query_text (Fixture    *f,
            const char *sql)
{
  return desk_test_query_text (f->store, sql);
}

static gint64
add_committee (DeskStore  *store,
               const char *name,
               const char *short_name,
               const char *type,
               gint64      village)
{
  g_autoptr(DeskCommittee) committee = desk_committee_new ();
  g_autoptr(GError) error = NULL;

  committee->name = g_strdup (name);
  committee->short_name = g_strdup (short_name);
  committee->type_id = desk_codes_find (store, DESK_CODE_COMMITTEE_TYPE, type);
  committee->village_id = village;
  desk_committee_create (store, committee, &error);
  g_assert_no_error (error);
  return committee->id;
}

static gint64
add_adviser (Fixture    *f,
             const char *name,
             const char *institution)
{
  g_autoptr(DeskAdviser) adviser = desk_adviser_new ();
  g_autoptr(GError) error = NULL;

  adviser->name = g_strdup (name);
  adviser->practice_type_id = desk_codes_find (f->store, DESK_CODE_PRACTICE_TYPE,
                                               "基层法律服务工作者");
  adviser->institution = g_strdup (institution);
  adviser->term_from = g_strdup ("2026-01-01");
  desk_adviser_create (f->store, adviser, &error);
  g_assert_no_error (error);
  return adviser->id;
}

static void
assign (Fixture    *f,
        gint64      adviser,
        gint64      village,
        const char *from)
{
  g_autoptr(DeskAdviserAssignment) a = desk_adviser_assignment_new ();
  g_autoptr(GError) error = NULL;

  a->adviser_id = adviser;
  a->village_id = village;
  a->from_date = g_strdup (from);
  desk_adviser_assignment_create (f->store, a, &error);
  g_assert_no_error (error);
}

static void
add_service (Fixture    *f,
             gint64      adviser,
             gint64      village,
             const char *date,
             const char *mode,
             int         half_hours)
{
  g_autoptr(DeskAdviserService) s = desk_adviser_service_new ();
  g_autoptr(GError) error = NULL;

  s->adviser_id = adviser;
  s->village_id = village;
  s->served_on = g_strdup (date);
  s->mode_id = desk_codes_find (f->store, DESK_CODE_SERVICE_MODE, mode);
  s->half_hours = half_hours;
  desk_adviser_service_create (f->store, s, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static int n;
  g_autofree char *name = g_strdup_printf ("advisers-%d.db", ++n);
  g_autofree char *path = desk_test_path (name);
  DeskStore *store = desk_test_open_store (name);

  f->dongping = add_village (store, "东坪村");
  f->xiling = add_village (store, "西岭村");
  f->nangang = add_village (store, "南岗村");
  f->dongping_committee = add_committee (store, "东坪村人民调解委员会", "东坪", "村调委会",
                                         f->dongping);
  f->town_committee = add_committee (store, "青山镇人民调解委员会", "青山", "乡镇调委会", 0);
  g_object_unref (store);

  f->window = desk_window_new (app, path);
  gtk_window_present (GTK_WINDOW (f->window));
  f->store = desk_window_get_store (f->window);
  g_assert_nonnull (f->store);
  iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  g_assert_null (find_toplevel (DESK_TYPE_SCREENING_EDITOR));
  g_assert_null (find_toplevel (DESK_TYPE_ADVISER_EDITOR));
  g_assert_null (find_toplevel (DESK_TYPE_SERVICE_LOG_EDITOR));
}

/* ---- dispute screening ---------------------------------------------------- */

static DeskScreeningEditor *
new_screening (Fixture *f)
{
  DeskScreeningEditor *editor;

  desk_window_show_page (f->window, "screenings");
  g_assert_null (find_toplevel (DESK_TYPE_SCREENING_EDITOR));
  activate (f->window, "win.new-record");
  editor = find_toplevel (DESK_TYPE_SCREENING_EDITOR);
  g_assert_nonnull (editor);
  return editor;
}

static void
test_screening_by_typing (Fixture       *f,
                          gconstpointer  data)
{
  DeskScreeningEditor *editor = new_screening (f);
  g_autofree char *village = NULL;
  g_autofree char *screener = NULL;
  gint64 id;

  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "登记矛盾纠纷排查");
  /* Today, no committee chosen yet (there are two), no village. */
  g_assert_cmpstr (text_of (editor, "date"), ==, "2026-11-23");
  g_assert_true (has_focus_in (editor, editor, "date"));
  village = chosen (editor, "village");
  g_assert_cmpstr (village, ==, "未填");

  /* 11-05, Enter: the date in its one form, on to the committee. */
  type_into (editor, "date", "11-05");
  press_enter (editor, "date");
  g_assert_cmpstr (text_of (editor, "date"), ==, "2026-11-05");
  g_assert_true (has_focus_in (editor, editor, "committee"));

  /* A village committee: its village follows, and Enter goes on. */
  type_choice (editor, "committee", "东坪");
  g_clear_pointer (&village, g_free);
  village = chosen (editor, "village");
  g_assert_cmpstr (village, ==, "东坪村");
  g_assert_true (has_focus_in (editor, editor, "village"));

  type_into (editor, "screener", "李明、张华");
  press_enter (editor, "screener");
  g_assert_true (has_focus_in (editor, editor, "found"));
  type_into (editor, "found", "3");
  press_enter (editor, "found");
  g_assert_true (has_focus_in (editor, editor, "prevented"));

  /* A negative count is refused beside its field, and Enter stays. */
  type_into (editor, "prevented", "-1");
  g_assert_false (shows_error (editor, "prevented", "prevented-error"));
  press_enter (editor, "prevented");
  g_assert_true (shows_error (editor, "prevented", "prevented-error"));
  g_assert_cmpstr (text_of (editor, "prevented-error"), ==, "不能为负数；没有请填0");
  g_assert_true (has_focus_in (editor, editor, "prevented"));
  /* Saving is refused too, with nothing written and nothing lost. */
  activate (editor, "editor.save");
  g_assert_true (find_toplevel (DESK_TYPE_SCREENING_EDITOR) == editor);
  g_assert_true (gtk_widget_get_visible (named (editor, "editor-message")));
  g_assert_cmpint (count (f, "SELECT count(*) FROM screenings"), ==, 0);
  g_assert_cmpstr (text_of (editor, "screener"), ==, "李明、张华");
  g_assert_cmpstr (text_of (editor, "prevented"), ==, "-1");

  /* Words are not counts either. */
  type_into (editor, "found", "三");
  press_enter (editor, "found");
  g_assert_true (shows_error (editor, "found", "found-error"));
  g_assert_nonnull (strstr (text_of (editor, "found-error"), "不是整数"));
  type_into (editor, "found", "3");
  g_assert_false (shows_error (editor, "found", "found-error"));

  /* The message goes as soon as the count is right. */
  type_into (editor, "prevented", "1");
  g_assert_false (shows_error (editor, "prevented", "prevented-error"));
  g_assert_true (desk_screening_editor_get_modified (editor));
  activate (editor, "editor.save");
  g_assert_null (find_toplevel (DESK_TYPE_SCREENING_EDITOR));

  g_assert_cmpint (count (f, "SELECT count(*) FROM screenings"), ==, 1);
  id = count (f, "SELECT id FROM screenings");
  {
    g_autoptr(DeskScreening) s = desk_screening_get (f->store, id, NULL);

    g_assert_nonnull (s);
    g_assert_cmpstr (s->date, ==, "2026-11-05");
    g_assert_cmpint (s->committee_id, ==, f->dongping_committee);
    g_assert_cmpint (s->village_id, ==, f->dongping);
    g_assert_cmpstr (s->screener, ==, "李明、张华");
    g_assert_cmpint (s->found, ==, 3);
    g_assert_cmpint (s->prevented, ==, 1);
  }

  /* The next one starts with the same committee. */
  editor = new_screening (f);
  g_clear_pointer (&village, g_free);
  village = chosen (editor, "committee");
  g_assert_cmpstr (village, ==, "东坪村人民调解委员会");
  activate (editor, "editor.close");
  g_assert_null (find_toplevel (DESK_TYPE_SCREENING_EDITOR));

  /* Opened again, it reads as saved; a change is saved in place. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-screening", "x",
                                             id));
  editor = find_toplevel (DESK_TYPE_SCREENING_EDITOR);
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "排查记录 2026-11-05");
  g_assert_cmpstr (text_of (editor, "found"), ==, "3");
  g_assert_false (desk_screening_editor_get_modified (editor));
  type_into (editor, "found", "4");
  choose (editor, "committee", "青山镇人民调解委员会");
  /* The clerk's village stays when the committee changes. */
  screener = chosen (editor, "village");
  g_assert_cmpstr (screener, ==, "东坪村");
  activate (editor, "editor.save");
  g_assert_null (find_toplevel (DESK_TYPE_SCREENING_EDITOR));
  g_assert_cmpint (count (f, "SELECT found FROM screenings"), ==, 4);
  g_assert_cmpint (count (f, "SELECT committee_id FROM screenings"), ==, f->town_committee);
  g_assert_cmpint (count (f, "SELECT count(*) FROM screenings"), ==, 1);
}

static void
test_screening_escape_asks (Fixture       *f,
                            gconstpointer  data)
{
  DeskScreeningEditor *editor = new_screening (f);

  /* Nothing typed: Escape closes at once. */
  activate (editor, "editor.close");
  g_assert_null (find_dialog ());
  g_assert_null (find_toplevel (DESK_TYPE_SCREENING_EDITOR));

  editor = new_screening (f);
  type_into (editor, "found", "2");
  activate (editor, "editor.close");
  g_assert_nonnull (find_dialog ());
  answer ("cancel");
  g_assert_true (find_toplevel (DESK_TYPE_SCREENING_EDITOR) == editor);
  g_assert_cmpstr (text_of (editor, "found"), ==, "2");
  activate (editor, "editor.close");
  answer ("discard");
  g_assert_null (find_toplevel (DESK_TYPE_SCREENING_EDITOR));
  g_assert_cmpint (count (f, "SELECT count(*) FROM screenings"), ==, 0);
}

/* ---- advisers and their villages --------------------------------------- */

static DeskAdviserEditor *
new_adviser (Fixture *f)
{
  DeskAdviserEditor *editor;

  desk_window_show_page (f->window, "advisers");
  activate (f->window, "win.new-record");
  editor = find_toplevel (DESK_TYPE_ADVISER_EDITOR);
  g_assert_nonnull (editor);
  return editor;
}

static DeskAdviserEditor *
open_adviser (Fixture *f,
              gint64   id)
{
  DeskAdviserEditor *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-adviser", "x",
                                             id));
  iterate ();
  editor = find_toplevel (DESK_TYPE_ADVISER_EDITOR);
  g_assert_nonnull (editor);
  return editor;
}

static char *
assignment_dates (Fixture *f,
                  gint64   village)
{
  g_autofree char *sql = g_strdup_printf ("SELECT group_concat(from_date || '..' ||"
                                          " coalesce(until_date, ''), ' ') FROM"
                                          " (SELECT * FROM adviser_assignments WHERE"
                                          " village_id = %" G_GINT64_FORMAT
                                          " AND deleted_at IS NULL ORDER BY from_date)",
                                          village);

  return query_text (f, sql);
}

static void
test_adviser_with_villages (Fixture       *f,
                            gconstpointer  data)
{
  DeskAdviserEditor *editor = new_adviser (f);
  g_autofree char *dates = NULL;
  g_autofree char *village = NULL;
  gint64 id;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "新建法律顾问");
  g_assert_true (has_focus_in (editor, editor, "name"));
  g_assert_cmpstr (text_of (editor, "term-from"), ==, "2026-11-23");

  type_into (editor, "name", "王明");
  press_enter (editor, "name");
  g_assert_true (has_focus_in (editor, editor, "sex"));
  type_choice (editor, "sex", "男");
  g_assert_true (has_focus_in (editor, editor, "phone"));
  type_into (editor, "phone", "1380013800");
  press_enter (editor, "phone");
  g_assert_true (shows_error (editor, "phone", "phone-error"));
  type_into (editor, "phone", "13800138000");
  g_assert_false (shows_error (editor, "phone", "phone-error"));
  g_assert_true (has_focus_in (editor, editor, "practice"));
  type_choice (editor, "practice", "律师");
  g_assert_true (has_focus_in (editor, editor, "institution"));
  type_into (editor, "institution", "江西青山律师事务所");
  press_enter (editor, "institution");

  /* A lawyer's licence number has 17 digits: the count typed helps. */
  type_into (editor, "licence", "1360420181012345");
  press_enter (editor, "licence");
  g_assert_true (shows_error (editor, "licence", "licence-error"));
  g_assert_cmpstr (text_of (editor, "licence-error"), ==, "律师执业证号应为17位数字，已输入16位");
  type_into (editor, "licence", "13604201810123456");
  g_assert_false (shows_error (editor, "licence", "licence-error"));
  g_assert_true (has_focus_in (editor, editor, "term-from"));
  type_into (editor, "term-from", "20260101");
  press_enter (editor, "term-from");
  g_assert_cmpstr (text_of (editor, "term-from"), ==, "2026-01-01");
  /* 聘期 may run to a future date. */
  type_into (editor, "term-until", "2027-12-31");
  press_enter (editor, "term-until");
  g_assert_false (shows_error (editor, "term-until", "term-until-error"));

  /* Two villages, from the start of the term. */
  activate (editor, "editor.add-assignment");
  g_assert_cmpstr (text_of (editor, "assignment-from-0"), ==, "2026-01-01");
  g_assert_true (has_focus_in (editor, editor, "assignment-village-0"));
  type_choice (editor, "assignment-village-0", "东坪");
  g_assert_true (has_focus_in (editor, editor, "assignment-from-0"));
  activate (editor, "editor.add-assignment");
  type_choice (editor, "assignment-village-1", "西岭");
  g_assert_cmpstr (text_of (editor, "assignment-state-1"), ==, "服务中");
  activate (editor, "editor.save");
  g_assert_null (find_toplevel (DESK_TYPE_ADVISER_EDITOR));

  g_assert_cmpint (count (f, "SELECT count(*) FROM advisers"), ==, 1);
  id = count (f, "SELECT id FROM advisers");
  dates = query_text (f, "SELECT name || ' ' || sex || ' ' || phone || ' ' || licence_number"
                         " || ' ' || term_from || ' ' || term_until FROM advisers");
  g_assert_cmpstr (dates, ==, "王明 男 13800138000 13604201810123456 2026-01-01 2027-12-31");
  g_clear_pointer (&dates, g_free);
  dates = assignment_dates (f, f->dongping);
  g_assert_cmpstr (dates, ==, "2026-01-01..");
  g_clear_pointer (&dates, g_free);
  dates = assignment_dates (f, f->xiling);
  g_assert_cmpstr (dates, ==, "2026-01-01..");
  g_clear_pointer (&dates, g_free);

  /* Mid-year, 东坪村 is handed over: its assignment ends on 06-30. */
  editor = open_adviser (f, id);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "法律顾问 王明");
  g_assert_cmpuint (desk_adviser_editor_get_n_assignments (editor), ==, 2);
  village = chosen (editor, "assignment-village-0");
  g_assert_cmpstr (village, ==, "东坪村");
  gtk_menu_button_popup (GTK_MENU_BUTTON (named (editor, "assignment-end-0")));
  iterate ();
  g_assert_cmpstr (text_of (editor, "assignment-end-date-0"), ==, "2026-11-23");
  type_into (editor, "assignment-end-date-0", "6-30");
  press_enter (editor, "assignment-end-date-0");
  g_assert_cmpstr (text_of (editor, "assignment-until-0"), ==, "2026-06-30");
  g_assert_cmpstr (text_of (editor, "assignment-state-0"), ==, "已结束");
  g_assert_true (desk_adviser_editor_get_modified (editor));
  activate (editor, "editor.save");
  g_assert_null (find_toplevel (DESK_TYPE_ADVISER_EDITOR));
  dates = assignment_dates (f, f->dongping);
  g_assert_cmpstr (dates, ==, "2026-01-01..2026-06-30");
  g_clear_pointer (&dates, g_free);
  g_assert_false (desk_adviser_assigned_on (f->store, id, f->dongping, "2026-07-01"));
  g_assert_true (desk_adviser_assigned_on (f->store, id, f->dongping, "2026-06-30"));

  /* A second assignment to 西岭村 while the first runs: refused beside
   * the row, at once, and at saving nothing is written. */
  editor = open_adviser (f, id);
  activate (editor, "editor.add-assignment");
  type_choice (editor, "assignment-village-2", "西岭");
  type_into (editor, "assignment-from-2", "2026-08-01");
  press_enter (editor, "assignment-from-2");
  g_assert_true (shows_error (editor, "assignment-from-2", "assignment-error-2"));
  g_assert_nonnull (strstr (text_of (editor, "assignment-error-2"), "重叠"));
  g_assert_nonnull (strstr (text_of (editor, "assignment-error-2"), "2026-01-01"));
  /* the rows it overlaps are not the ones marked */
  g_assert_false (gtk_widget_get_visible (named (editor, "assignment-error-1")));
  activate (editor, "editor.save");
  g_assert_true (find_toplevel (DESK_TYPE_ADVISER_EDITOR) == editor);
  g_assert_true (gtk_widget_get_visible (named (editor, "editor-message")));
  g_assert_cmpint (count (f, "SELECT count(*) FROM adviser_assignments"), ==, 2);
  g_assert_true (has_focus_in (editor, editor, "assignment-from-2"));

  /* Corrected: it was 东坪村 taken up again, after the handover; the
   * message goes as soon as the row is right. */
  type_choice (editor, "assignment-village-2", "东坪");
  g_assert_false (gtk_widget_get_visible (named (editor, "assignment-error-2")));
  g_assert_false (is_marked (editor, "assignment-from-2"));
  activate (editor, "editor.save");
  g_assert_null (find_toplevel (DESK_TYPE_ADVISER_EDITOR));
  dates = assignment_dates (f, f->dongping);
  g_assert_cmpstr (dates, ==, "2026-01-01..2026-06-30 2026-08-01..");
  g_clear_pointer (&dates, g_free);

  /* Overlapping the ended one is refused too: its end date counts. */
  editor = open_adviser (f, id);
  g_assert_cmpuint (desk_adviser_editor_get_n_assignments (editor), ==, 3);
  activate (editor, "editor.add-assignment");
  type_choice (editor, "assignment-village-3", "东坪");
  type_into (editor, "assignment-from-3", "2026-06-01");
  type_into (editor, "assignment-until-3", "2026-07-15");
  press_enter (editor, "assignment-until-3");
  g_assert_true (gtk_widget_get_visible (named (editor, "assignment-error-3")));
  g_assert_nonnull (strstr (text_of (editor, "assignment-error-3"), "重叠"));
  /* A row typed by mistake is removed. */
  g_signal_emit_by_name (named (editor, "assignment-delete-3"), "clicked");
  iterate ();
  g_assert_cmpuint (desk_adviser_editor_get_n_assignments (editor), ==, 3);
  activate (editor, "editor.save");
  g_assert_null (find_toplevel (DESK_TYPE_ADVISER_EDITOR));
  g_assert_cmpint (count (f, "SELECT count(*) FROM adviser_assignments"), ==, 3);
}

static void
test_adviser_refusals (Fixture       *f,
                       gconstpointer  data)
{
  DeskAdviserEditor *editor;

  add_adviser (f, "陈静", "青山镇法律服务所");
  editor = new_adviser (f);
  /* Empty: every required field says so. */
  type_into (editor, "term-from", "");
  activate (editor, "editor.save");
  g_assert_true (shows_error (editor, "name", "name-error"));
  g_assert_true (shows_error (editor, "practice", "practice-error"));
  g_assert_true (shows_error (editor, "institution", "institution-error"));
  g_assert_true (shows_error (editor, "term-from", "term-from-error"));
  g_assert_true (has_focus_in (editor, editor, "name"));

  /* A term that ends before it starts. */
  type_into (editor, "name", "陈静");
  type_choice (editor, "practice", "基层");
  type_into (editor, "institution", "青山镇法律服务所");
  type_into (editor, "term-from", "2026-03-01");
  type_into (editor, "term-until", "2026-02-01");
  press_enter (editor, "term-until");
  g_assert_true (shows_error (editor, "term-until", "term-until-error"));
  type_into (editor, "term-until", "");
  g_assert_false (shows_error (editor, "term-until", "term-until-error"));

  /* A second 陈静 of the same office: the core refuses, the form keeps. */
  activate (editor, "editor.save");
  g_assert_true (find_toplevel (DESK_TYPE_ADVISER_EDITOR) == editor);
  g_assert_true (shows_error (editor, "institution", "institution-error"));
  g_assert_cmpstr (text_of (editor, "editor-message"), ==,
                   "法律顾问陈静（青山镇法律服务所）已登记。");
  g_assert_cmpstr (text_of (editor, "name"), ==, "陈静");
  g_assert_cmpint (count (f, "SELECT count(*) FROM advisers"), ==, 1);

  /* A row without its village is named at saving. */
  type_into (editor, "institution", "白石镇法律服务所");
  activate (editor, "editor.add-assignment");
  activate (editor, "editor.save");
  g_assert_true (gtk_widget_get_visible (named (editor, "assignment-error-0")));
  g_assert_true (is_marked (editor, "assignment-village-0"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM advisers"), ==, 1);
  type_choice (editor, "assignment-village-0", "南岗");
  activate (editor, "editor.save");
  g_assert_null (find_toplevel (DESK_TYPE_ADVISER_EDITOR));
  g_assert_cmpint (count (f, "SELECT count(*) FROM advisers"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM adviser_assignments"), ==, 1);
}

/* ---- the month's service log ------------------------------------------- */

static DeskServiceLogEditor *
open_log (Fixture *f)
{
  DeskServiceLogEditor *editor;

  desk_window_show_page (f->window, "advisers");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.service-log", "x",
                                             (gint64) 0));
  iterate ();
  editor = find_toplevel (DESK_TYPE_SERVICE_LOG_EDITOR);
  g_assert_nonnull (editor);
  return editor;
}

static void
test_service_log_grid (Fixture       *f,
                       gconstpointer  data)
{
  DeskServiceLogEditor *editor;
  g_autofree char *text = NULL;
  gint64 wang = add_adviser (f, "王明", "江西青山律师事务所");
  gint64 chen = add_adviser (f, "陈静", "青山镇法律服务所");
  int year, month;

  assign (f, wang, f->dongping, "2026-01-01");
  assign (f, wang, f->xiling, "2026-01-01");
  assign (f, chen, f->nangang, "2026-01-01");
  /* an October visit, which November does not show */
  add_service (f, wang, f->dongping, "2026-10-12", "实地", 6);

  editor = open_log (f);
  g_assert_cmpint (desk_service_log_editor_get_adviser_id (editor), ==, wang);
  desk_service_log_editor_get_month (editor, &year, &month);
  g_assert_cmpint (year, ==, 2026);
  g_assert_cmpint (month, ==, 11);
  g_assert_cmpstr (text_of (editor, "service-month"), ==, "2026-11");
  /* One row offered: the first working day (11-01 is a Sunday), the
   * adviser's first village, on site. */
  g_assert_cmpuint (desk_service_log_editor_get_n_rows (editor), ==, 1);
  g_assert_cmpstr (text_of (editor, "service-date-0"), ==, "2026-11-02");
  text = chosen (editor, "service-village-0");
  g_assert_cmpstr (text, ==, "东坪村");
  g_clear_pointer (&text, g_free);
  text = chosen (editor, "service-mode-0");
  g_assert_cmpstr (text, ==, "实地");
  g_clear_pointer (&text, g_free);
  g_assert_true (has_focus_in (editor, editor, "service-date-0"));
  g_assert_cmpstr (text_of (editor, "service-status"), ==, "未达标：还差 1 次 / 4 小时");
  /* The villages of the adviser that day come first; others are marked. */
  {
    GListModel *villages = gtk_drop_down_get_model (GTK_DROP_DOWN (named (editor,
                                                                          "service-village-0")));
    g_autoptr(GtkStringObject) first = g_list_model_get_item (villages, 0);
    g_autoptr(GtkStringObject) second = g_list_model_get_item (villages, 1);
    g_autoptr(GtkStringObject) third = g_list_model_get_item (villages, 2);

    g_assert_cmpstr (gtk_string_object_get_string (first), ==, "东坪村");
    g_assert_cmpstr (gtk_string_object_get_string (second), ==, "西岭村");
    g_assert_cmpstr (gtk_string_object_get_string (third), ==, "南岗村（当日未派驻）");
  }

  /* The first visit: the day alone, Enter through the row. */
  type_into (editor, "service-date-0", "3");
  press_enter (editor, "service-date-0");
  g_assert_cmpstr (text_of (editor, "service-date-0"), ==, "2026-11-03");
  g_assert_true (has_focus_in (editor, editor, "service-village-0"));
  /* Enter on a list not opened moves on, keeping the choice offered. */
  g_assert_true (key_press (editor, "service-village-0", GDK_KEY_Return));
  g_assert_true (has_focus_in (editor, editor, "service-mode-0"));
  text = chosen (editor, "service-village-0");
  g_assert_cmpstr (text, ==, "东坪村");
  g_clear_pointer (&text, g_free);
  /* or after the choice typed into its search */
  type_choice (editor, "service-mode-0", "");
  g_assert_true (has_focus_in (editor, editor, "service-hours-0"));
  type_into (editor, "service-hours-0", "2");
  press_enter (editor, "service-hours-0");
  g_assert_true (has_focus_in (editor, editor, "service-count-0-0"));
  type_into (editor, "service-count-0-0", "3");
  press_enter (editor, "service-count-0-0");
  for (int i = 1; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("service-count-%d-0", i);

      g_assert_true (has_focus_in (editor, editor, name));
      press_enter (editor, name);
    }
  g_assert_true (has_focus_in (editor, editor, "service-notes-0"));
  type_into (editor, "service-notes-0", "走访农户");
  g_assert_cmpstr (text_of (editor, "service-status"), ==, "未达标：还差 2 小时");

  /* Enter at the end of the row: the next working day, same village and
   * mode. */
  press_enter (editor, "service-notes-0");
  g_assert_cmpuint (desk_service_log_editor_get_n_rows (editor), ==, 2);
  g_assert_true (has_focus_in (editor, editor, "service-date-1"));
  g_assert_cmpstr (text_of (editor, "service-date-1"), ==, "2026-11-04");
  text = chosen (editor, "service-village-1");
  g_assert_cmpstr (text, ==, "东坪村");
  g_clear_pointer (&text, g_free);
  /* Offered, not yet a visit: dimmed until typed into. */
  g_assert_true (gtk_widget_has_css_class (named (editor, "service-hours-1"), "dim-label"));
  g_assert_false (gtk_widget_has_css_class (named (editor, "service-hours-0"), "dim-label"));
  choose (editor, "service-village-1", "西岭村");
  g_assert_false (gtk_widget_has_css_class (named (editor, "service-hours-1"), "dim-label"));

  /* 2.3 hours is not in halves: refused beside the cell, the row marked. */
  type_into (editor, "service-hours-1", "2.3");
  press_enter (editor, "service-hours-1");
  g_assert_true (is_marked (editor, "service-hours-1"));
  g_assert_true (gtk_widget_get_visible (named (editor, "service-marker-1")));
  g_assert_true (gtk_widget_get_visible (named (editor, "service-error-1")));
  g_assert_nonnull (strstr (text_of (editor, "service-error-1"), "时长(小时)"));
  g_assert_nonnull (strstr (text_of (editor, "service-error-1"), "2.3"));
  g_assert_false (gtk_widget_get_visible (named (editor, "service-marker-0")));
  /* Saving writes nothing while a row is wrong. */
  activate (editor, "editor.save");
  g_assert_cmpstr (text_of (editor, "editor-message"), ==,
                   "有 1 行需要改正（已用红色标出），没有保存任何记录。");
  g_assert_true (has_focus_in (editor, editor, "service-hours-1"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM adviser_services"), ==, 1);
  g_assert_true (desk_service_log_editor_get_modified (editor));
  /* Corrected, the mark goes as it is typed. */
  type_into (editor, "service-hours-1", "2.5");
  g_assert_false (is_marked (editor, "service-hours-1"));
  g_assert_false (gtk_widget_get_visible (named (editor, "service-error-1")));
  g_assert_false (gtk_widget_get_visible (named (editor, "service-marker-1")));
  g_assert_cmpstr (text_of (editor, "service-status"), ==, "达标");

  /* The third, remote: it does not count on site. */
  type_into (editor, "service-count-2-1", "40");
  press_enter (editor, "service-notes-1");
  g_assert_cmpstr (text_of (editor, "service-date-2"), ==, "2026-11-05");
  type_choice (editor, "service-mode-2", "远程");
  type_into (editor, "service-hours-2", "1");
  type_into (editor, "service-count-0-2", "2");
  press_enter (editor, "service-count-0-2");

  activate (editor, "editor.save");
  g_assert_false (gtk_widget_get_visible (named (editor, "editor-message")));
  g_assert_false (desk_service_log_editor_get_modified (editor));
  g_assert_cmpint (count (f, "SELECT count(*) FROM adviser_services WHERE deleted_at IS NULL"),
                   ==, 4);
  text = query_text (f, "SELECT group_concat(d, ' ') FROM (SELECT s.served_on || '/' ||"
                        " v.name || '/' || c.label || '/' || s.half_hours || '/' || s.consults"
                        " || '/' || s.audience || '/' || coalesce(s.notes, '') AS d"
                        " FROM adviser_services s JOIN villages v ON v.id = s.village_id"
                        " JOIN codes c ON c.id = s.mode_id WHERE s.served_on >= '2026-11-01'"
                        " ORDER BY s.served_on)");
  g_assert_cmpstr (text, ==, "2026-11-03/东坪村/实地/4/3/0/走访农户 "
                             "2026-11-04/西岭村/实地/5/0/40/ "
                             "2026-11-05/西岭村/远程/2/2/0/");
  g_clear_pointer (&text, g_free);
  /* The month again from the ledger: three visits and the next offered. */
  g_assert_cmpuint (desk_service_log_editor_get_n_rows (editor), ==, 4);
  g_assert_cmpstr (text_of (editor, "service-hours-1"), ==, "2.5");
  g_assert_cmpstr (text_of (editor, "service-date-3"), ==, "2026-11-06");
  g_assert_cmpstr (text_of (editor, "service-summary"), ==,
                   "本月实地服务 2 次，共 4.5 小时（最低要求 1 次、4 小时）");
  g_assert_cmpstr (text_of (editor, "service-status"), ==, "达标");
  g_assert_true (gtk_widget_has_css_class (named (editor, "service-status"), "success"));

  /* A saved visit corrected in place, another removed. */
  type_into (editor, "service-hours-0", "1");
  g_assert_cmpstr (text_of (editor, "service-status"), ==, "未达标：还差 0.5 小时");
  g_assert_true (gtk_widget_has_css_class (named (editor, "service-status"), "error"));
  g_signal_emit_by_name (named (editor, "service-delete-2"), "clicked");
  iterate ();
  g_assert_cmpuint (desk_service_log_editor_get_n_rows (editor), ==, 3);
  activate (editor, "editor.save");
  g_assert_cmpint (count (f, "SELECT count(*) FROM adviser_services WHERE deleted_at IS NULL"
                             " AND served_on >= '2026-11-01'"), ==, 2);
  g_assert_cmpint (count (f, "SELECT half_hours FROM adviser_services"
                             " WHERE served_on = '2026-11-03'"), ==, 2);
  g_assert_cmpstr (text_of (editor, "service-status"), ==, "未达标：还差 0.5 小时");
  /* The core agrees. */
  {
    g_autoptr(GPtrArray) shortfall = desk_adviser_shortfall (f->store, 2026, 11, NULL);

    g_assert_cmpuint (shortfall->len, ==, 2);
    g_assert_cmpint (((DeskAdviserShortfall *) g_ptr_array_index (shortfall, 0))->adviser_id,
                     ==, wang);
    g_assert_cmpint (((DeskAdviserShortfall *) g_ptr_array_index (shortfall, 0))
                       ->onsite_half_hours, ==, 7);
  }

  /* A date outside the month, or after today, stays in the grid with its
   * message. */
  type_into (editor, "service-date-2", "2026-12-01");
  press_enter (editor, "service-date-2");
  g_assert_true (is_marked (editor, "service-date-2"));
  g_assert_nonnull (strstr (text_of (editor, "service-error-2"), "不在所选月份"));
  type_into (editor, "service-date-2", "24");
  g_assert_true (is_marked (editor, "service-date-2"));
  g_assert_nonnull (strstr (text_of (editor, "service-error-2"), "晚于今天"));

  /* Another adviser while typed rows wait: asked first. */
  choose (editor, "service-adviser", "陈静");
  g_assert_nonnull (find_dialog ());
  answer ("cancel");
  g_assert_cmpint (desk_service_log_editor_get_adviser_id (editor), ==, wang);
  text = chosen (editor, "service-adviser");
  g_assert_cmpstr (text, ==, "王明");
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr (text_of (editor, "service-date-2"), ==, "24");
  choose (editor, "service-adviser", "陈静");
  answer ("discard");
  g_assert_cmpint (desk_service_log_editor_get_adviser_id (editor), ==, chen);
  text = chosen (editor, "service-village-0");
  g_assert_cmpstr (text, ==, "南岗村");
  g_clear_pointer (&text, g_free);

  /* The month before, from its button. */
  activate (editor, "editor.previous-month");
  g_assert_cmpstr (text_of (editor, "service-month"), ==, "2026-10");

  activate (editor, "editor.close");
  g_assert_null (find_dialog ());
  g_assert_null (find_toplevel (DESK_TYPE_SERVICE_LOG_EDITOR));
  g_assert_cmpint (count (f, "SELECT count(*) FROM adviser_services WHERE deleted_at IS NULL"),
                   ==, 3);
}

static void
test_service_log_escape_asks (Fixture       *f,
                              gconstpointer  data)
{
  DeskServiceLogEditor *editor;
  gint64 wang = add_adviser (f, "王明", "江西青山律师事务所");

  assign (f, wang, f->dongping, "2026-01-01");
  editor = open_log (f);
  /* The offered row alone is nothing typed: Escape closes at once. */
  activate (editor, "editor.close");
  g_assert_null (find_dialog ());
  g_assert_null (find_toplevel (DESK_TYPE_SERVICE_LOG_EDITOR));

  editor = open_log (f);
  type_into (editor, "service-hours-0", "3");
  activate (editor, "editor.close");
  answer ("cancel");
  g_assert_true (find_toplevel (DESK_TYPE_SERVICE_LOG_EDITOR) == editor);
  g_assert_cmpstr (text_of (editor, "service-hours-0"), ==, "3");
  activate (editor, "editor.close");
  answer ("discard");
  g_assert_null (find_toplevel (DESK_TYPE_SERVICE_LOG_EDITOR));
  g_assert_cmpint (count (f, "SELECT count(*) FROM adviser_services"), ==, 0);
}

/* ---- the page ------------------------------------------------------------ */

static DeskAdviserPage *
show_page (Fixture *f)
{
  DeskAdviserPage *page;

  desk_window_show_page (f->window, "advisers");
  page = DESK_ADVISER_PAGE (find_type (GTK_WIDGET (f->window), DESK_TYPE_ADVISER_PAGE));
  g_assert_nonnull (page);
  iterate ();
  while (desk_adviser_page_get_busy (page))
    g_main_context_iteration (NULL, TRUE);
  iterate ();
  return page;
}

static const char *
row_status (DeskAdviserPage *page,
            gint64           id)
{
  g_autofree char *name = g_strdup_printf ("adviser-status-%" G_GINT64_FORMAT, id);

  return text_of (page, name);
}

static void
test_page_marks_shortfall (Fixture       *f,
                           gconstpointer  data)
{
  DeskAdviserPage *page;
  DeskAdviserEditor *editor;
  gint64 wang, chen, liu;
  g_autofree char *row_name = NULL;
  g_autofree char *status_name = NULL;
  AdwActionRow *row;

  /* No advisers: the page says how to begin. */
  page = show_page (f);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (
                     gtk_widget_get_first_child (GTK_WIDGET (page)))), ==, "empty");

  wang = add_adviser (f, "王明", "江西青山律师事务所");
  chen = add_adviser (f, "陈静", "青山镇法律服务所");
  liu = add_adviser (f, "刘强", "青山镇法律服务所");
  assign (f, wang, f->dongping, "2026-01-01");
  assign (f, wang, f->xiling, "2026-01-01");
  assign (f, chen, f->nangang, "2026-01-01");
  add_service (f, wang, f->dongping, "2026-11-03", "实地", 6);
  add_service (f, wang, f->xiling, "2026-11-10", "实地", 4);
  add_service (f, chen, f->nangang, "2026-11-12", "远程", 8);
  add_service (f, chen, f->nangang, "2026-10-12", "实地", 8);

  desk_adviser_page_reload (page);
  page = show_page (f);
  g_assert_cmpstr (text_of (page, "adviser-month"), ==, "2026年11月服务情况");
  g_assert_cmpstr (text_of (page, "adviser-minimum"), ==,
                   "每月至少实地服务 1 次、4 小时；1 人未达标。");

  row_name = g_strdup_printf ("adviser-%" G_GINT64_FORMAT, wang);
  row = ADW_ACTION_ROW (named (page, row_name));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "王明");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "江西青山律师事务所 · 服务 东坪村、西岭村");
  g_assert_cmpstr (row_status (page, wang), ==, "达标");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "shortfall"));

  /* 陈静 served remotely only: short of both, marked. */
  g_clear_pointer (&row_name, g_free);
  row_name = g_strdup_printf ("adviser-%" G_GINT64_FORMAT, chen);
  status_name = g_strdup_printf ("adviser-status-%" G_GINT64_FORMAT, chen);
  row = ADW_ACTION_ROW (named (page, row_name));
  g_assert_cmpstr (row_status (page, chen), ==, "未达标：还差 1 次 / 4 小时");
  g_assert_true (gtk_widget_has_css_class (named (page, status_name), "error"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "shortfall"));

  /* 刘强 serves no village: no minimum to meet. */
  g_assert_cmpstr (row_status (page, liu), ==, "本月无服务村(居)");

  /* Ctrl+L opens the month's log on this page only. */
  desk_window_show_page (f->window, "dashboard");
  g_assert_false (press_shortcut (f->window, "<Control>l"));
  g_assert_null (find_toplevel (DESK_TYPE_SERVICE_LOG_EDITOR));
  page = show_page (f);
  g_assert_true (press_shortcut (f->window, "<Control>l"));
  g_assert_nonnull (find_toplevel (DESK_TYPE_SERVICE_LOG_EDITOR));
  activate (find_toplevel (DESK_TYPE_SERVICE_LOG_EDITOR), "editor.close");
  g_assert_null (find_toplevel (DESK_TYPE_SERVICE_LOG_EDITOR));

  /* Activating a row opens the adviser (the page was shown again: its
   * rows are new). */
  row = ADW_ACTION_ROW (named (page, row_name));
  g_signal_emit_by_name (named (page, "adviser-list"), "row-activated", row);
  iterate ();
  editor = find_toplevel (DESK_TYPE_ADVISER_EDITOR);
  g_assert_nonnull (editor);
  g_assert_cmpint (desk_adviser_editor_get_adviser_id (editor), ==, chen);
  activate (editor, "editor.close");

  /* Ctrl+N on the page: a new adviser. */
  activate (f->window, "win.new-record");
  editor = find_toplevel (DESK_TYPE_ADVISER_EDITOR);
  g_assert_nonnull (editor);
  g_assert_cmpint (desk_adviser_editor_get_adviser_id (editor), ==, 0);
  activate (editor, "editor.close");

  /* Her month typed in from her row: the page follows the save. */
  {
    g_autofree char *log_name = g_strdup_printf ("adviser-log-%" G_GINT64_FORMAT, chen);
    DeskServiceLogEditor *log;

    g_signal_emit_by_name (named (page, log_name), "clicked");
    iterate ();
    log = find_toplevel (DESK_TYPE_SERVICE_LOG_EDITOR);
    g_assert_nonnull (log);
    g_assert_cmpint (desk_service_log_editor_get_adviser_id (log), ==, chen);
    g_assert_cmpuint (desk_service_log_editor_get_n_rows (log), ==, 2);
    type_into (log, "service-date-1", "20");
    choose (log, "service-mode-1", "实地");
    type_into (log, "service-hours-1", "4");
    activate (log, "editor.save");
    g_assert_cmpstr (text_of (log, "service-status"), ==, "达标");
    activate (log, "editor.close");
  }
  page = show_page (f);
  g_assert_cmpstr (row_status (page, chen), ==, "达标");
  g_assert_cmpstr (text_of (page, "adviser-minimum"), ==, "每月至少实地服务 1 次、4 小时。");
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
  g_test_add ("/adviser-editors/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("screening-by-typing", test_screening_by_typing);
  ADD ("screening-escape-asks", test_screening_escape_asks);
  ADD ("adviser-with-villages", test_adviser_with_villages);
  ADD ("adviser-refusals", test_adviser_refusals);
  ADD ("service-log-grid", test_service_log_grid);
  ADD ("service-log-escape-asks", test_service_log_escape_asks);
  ADD ("page-marks-shortfall", test_page_marks_shortfall);
#undef ADD

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
