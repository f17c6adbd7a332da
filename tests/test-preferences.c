/* test-preferences.c — the preferences window under a virtual display:
 * opened from the main window, it writes settings, registers, code tables
 * and holidays through the core, and puts a refused value's message beside
 * its field without losing what was typed. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "desk-application.h"
#include "desk-codes.h"
#include "desk-preferences-dialog.h"
#include "desk-preferences-window.h"
#include "desk-register.h"
#include "desk-settings.h"
#include "desk-test-gui.h"
#include "desk-test-util.h"
#include "desk-window.h"

static DeskApplication *app;

typedef struct
{
  char                  *path;
  DeskWindow            *window;
  DeskPreferencesWindow *prefs;
  DeskStore             *store;
} Fixture;

/* The visible toplevels of @type, newest last. */
static GtkWindow *
find_last (GType type)
{
  iterate ();
  return last_toplevel (type);
}

static guint
count_toplevels (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        n++;
    }
  return n;
}

static GtkWidget *
find_row (Fixture    *fixture,
          GType       type,
          const char *title)
{
  return find_descendant (GTK_WIDGET (fixture->prefs), type, title);
}

/* A label with @text anywhere under @root. */
static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return TRUE;
      if (has_label (child, text))
        return TRUE;
    }
  return FALSE;
}

/* An AdwWindowTitle with @subtitle anywhere under @root. */
static gboolean
has_subtitle (GtkWidget  *root,
              const char *subtitle)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_WINDOW_TITLE (child) &&
          g_strcmp0 (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (child)), subtitle) == 0)
        return TRUE;
      if (has_subtitle (child, subtitle))
        return TRUE;
    }
  return FALSE;
}

static DeskPreferencesDialog *
open_form (Fixture    *fixture,
           const char *action,
           GVariant   *target)
{
  DeskPreferencesDialog *dialog;

  g_assert_null (find_last (DESK_TYPE_PREFERENCES_DIALOG));
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->prefs), action,
                                                     target));
  dialog = DESK_PREFERENCES_DIALOG (find_last (DESK_TYPE_PREFERENCES_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) ==
                 GTK_WINDOW (fixture->prefs));
  return dialog;
}

static void
set_field (DeskPreferencesDialog *dialog,
           const char            *field,
           const char            *text)
{
  GtkWidget *row = desk_preferences_dialog_get_row (dialog, field);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static const char *
field_text (DeskPreferencesDialog *dialog,
            const char            *field)
{
  return gtk_editable_get_text (GTK_EDITABLE (desk_preferences_dialog_get_row (dialog, field)));
}

static void
choose_row (DeskPreferencesDialog *dialog,
            const char            *field,
            const char            *label)
{
  AdwComboRow *row = ADW_COMBO_ROW (desk_preferences_dialog_get_row (dialog, field));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), label) == 0)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_error ("“%s” is not a choice of %s", label, field);
}

/* What the save button does: TRUE when the form saved and closed. */
static gboolean
save_form (DeskPreferencesDialog *dialog)
{
  gboolean closed;

  g_object_ref (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  iterate ();
  closed = !gtk_widget_get_visible (GTK_WIDGET (dialog));
  g_object_unref (dialog);
  return closed;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static int n;
  g_autofree char *name = g_strdup_printf ("prefs-%d.db", ++n);
  g_autoptr(GError) error = NULL;
  DeskStore *store;

  store = desk_test_open_store (name);
  g_assert_true (desk_settings_set (store, "county", "青山县", &error));
  g_assert_true (desk_settings_set (store, "township", "青山镇", &error));
  g_assert_true (desk_settings_set (store, "station", "青山镇司法所", &error));
  g_object_unref (store);

  fixture->path = desk_test_path (name);
  fixture->window = desk_window_new (app, fixture->path);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.preferences",
                                             NULL));
  fixture->prefs = DESK_PREFERENCES_WINDOW (find_last (DESK_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (fixture->prefs);
  fixture->store = desk_window_get_store (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate ();
  g_assert_cmpuint (count_toplevels (DESK_TYPE_PREFERENCES_WINDOW), ==, 0);
  g_assert_cmpuint (count_toplevels (DESK_TYPE_PREFERENCES_DIALOG), ==, 0);
  g_free (fixture->path);
}

/* win.preferences opens one preferences window over the main window; a
 * second activation brings the same one back. */
static void
test_open (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *setup_path = desk_test_path ("no-ledger-yet/ledger.db");
  DeskWindow *setup;

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (fixture->prefs)) ==
                 GTK_WINDOW (fixture->window));
  g_assert_true (desk_preferences_window_get_store (fixture->prefs) == fixture->store);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->prefs)), ==, "首选项");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.preferences",
                                             NULL));
  g_assert_cmpuint (count_toplevels (DESK_TYPE_PREFERENCES_WINDOW), ==, 1);

  /* Closed, it opens afresh. */
  gtk_window_close (GTK_WINDOW (fixture->prefs));
  g_assert_cmpuint (count_toplevels (DESK_TYPE_PREFERENCES_WINDOW), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.preferences",
                                             NULL));
  g_assert_cmpuint (count_toplevels (DESK_TYPE_PREFERENCES_WINDOW), ==, 1);

  /* Before the ledger exists there is nothing to set. */
  setup = desk_window_new (app, setup_path);
  g_assert_cmpstr (desk_window_get_mode (setup), ==, "setup");
  gtk_widget_activate_action (GTK_WIDGET (setup), "win.preferences", NULL);
  g_assert_cmpuint (count_toplevels (DESK_TYPE_PREFERENCES_WINDOW), ==, 1);
  gtk_window_destroy (GTK_WINDOW (setup));
}

/* The station's name is saved on apply and shows in the main window; the
 * signatories are saved when the window closes; a limit is saved from its
 * spin button, and one out of range stays typed with its message. */
static void
test_station_and_limits (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *station = find_row (fixture, ADW_TYPE_ENTRY_ROW, "站名");
  GtkWidget *reviewer = find_row (fixture, ADW_TYPE_ENTRY_ROW, "审核人");
  GtkWidget *limit = find_row (fixture, ADW_TYPE_ACTION_ROW, "调解期限（天）");
  GtkWidget *aid = find_row (fixture, ADW_TYPE_ACTION_ROW, "法律援助申请转交时限（工作日）");
  GtkSpinButton *spin;
  g_autofree char *value = NULL;
  g_autofree char *reviewer_value = NULL;
  g_autofree char *limit_value = NULL;

  g_assert_nonnull (station);
  g_assert_nonnull (reviewer);
  g_assert_nonnull (limit);
  g_assert_nonnull (aid);
  g_assert_nonnull (find_row (fixture, ADW_TYPE_ENTRY_ROW, "单位负责人"));
  g_assert_nonnull (find_row (fixture, ADW_TYPE_ENTRY_ROW, "填报人"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (station)), ==, "青山镇司法所");

  gtk_editable_set_text (GTK_EDITABLE (station), "  青山镇公共法律服务工作站 ");
  g_signal_emit_by_name (station, "apply");
  value = desk_settings_get (fixture->store, "station");
  g_assert_cmpstr (value, ==, "青山镇公共法律服务工作站");
  g_assert_true (has_subtitle (GTK_WIDGET (fixture->window), "青山镇公共法律服务工作站"));

  /* A limit typed and entered. */
  spin = GTK_SPIN_BUTTON (find_descendant (limit, GTK_TYPE_SPIN_BUTTON, NULL));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 30);
  gtk_editable_set_text (GTK_EDITABLE (spin), "45");
  gtk_spin_button_update (spin);
  g_assert_cmpint (desk_settings_get_int (fixture->store, "mediation-limit-days"), ==, 45);
  g_assert_null (desk_preferences_field_get_error (limit));

  /* Out of range: refused beside the field, the text kept, the store not
   * touched. */
  gtk_editable_set_text (GTK_EDITABLE (spin), "400");
  gtk_spin_button_update (spin);
  g_assert_cmpint (desk_settings_get_int (fixture->store, "mediation-limit-days"), ==, 45);
  g_assert_true (gtk_widget_has_css_class (limit, "error"));
  g_assert_cmpstr (desk_preferences_field_get_error (limit), ==, "请输入 1 到 365 之间的整数");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "400");
  /* Corrected, the message goes. */
  gtk_editable_set_text (GTK_EDITABLE (spin), "60");
  gtk_spin_button_update (spin);
  g_assert_cmpint (desk_settings_get_int (fixture->store, "mediation-limit-days"), ==, 60);
  g_assert_null (desk_preferences_field_get_error (limit));
  g_assert_false (gtk_widget_has_css_class (limit, "error"));

  /* The step buttons save too. */
  spin = GTK_SPIN_BUTTON (find_descendant (aid, GTK_TYPE_SPIN_BUTTON, NULL));
  gtk_spin_button_spin (spin, GTK_SPIN_STEP_FORWARD, 1);
  g_assert_cmpint (desk_settings_get_int (fixture->store, "aid-limit-days"), ==, 4);

  /* Closing saves what was typed last; a bad value holds the window open
   * once, with its message. */
  gtk_editable_set_text (GTK_EDITABLE (reviewer), "王五");
  spin = GTK_SPIN_BUTTON (find_descendant (limit, GTK_TYPE_SPIN_BUTTON, NULL));
  gtk_editable_set_text (GTK_EDITABLE (spin), "0");
  gtk_window_close (GTK_WINDOW (fixture->prefs));
  g_assert_cmpuint (count_toplevels (DESK_TYPE_PREFERENCES_WINDOW), ==, 1);
  reviewer_value = desk_settings_get (fixture->store, "reviewer");
  g_assert_cmpstr (reviewer_value, ==, "王五");
  g_assert_nonnull (desk_preferences_field_get_error (limit));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "0");
  gtk_window_close (GTK_WINDOW (fixture->prefs));
  g_assert_cmpuint (count_toplevels (DESK_TYPE_PREFERENCES_WINDOW), ==, 0);
  limit_value = desk_settings_get (fixture->store, "mediation-limit-days");
  g_assert_cmpstr (limit_value, ==, "60");
}

static gint64
village_id (Fixture    *fixture,
            const char *name)
{
  return desk_village_find (fixture->store, name);
}

/* Villages, committees with mediators, staff: added through the forms; a
 * refused form keeps its text with the message beside the field. */
static void
test_registers (Fixture       *fixture,
                gconstpointer  data)
{
  DeskPreferencesDialog *dialog;
  g_autoptr(DeskVillage) village = NULL;
  g_autoptr(DeskCommittee) committee = NULL;
  g_autoptr(DeskMediator) mediator = NULL;
  g_autoptr(DeskStaff) staff = NULL;
  g_autoptr(GError) error = NULL;
  gint64 dongping, committee_id, mediator_id, staff_id;
  GtkWidget *row, *toggle;

  g_assert_nonnull (find_row (fixture, ADW_TYPE_ACTION_ROW, "还没有村(社区)"));

  /* An empty name is refused beside 名称; the area code stays typed. */
  dialog = open_form (fixture, "prefs.village-add", NULL);
  set_field (dialog, "区划代码", "360426101001");
  choose_row (dialog, "类型", "村");
  g_assert_false (save_form (dialog));
  g_assert_nonnull (desk_preferences_dialog_get_message (dialog, "名称"));
  g_assert_true (gtk_widget_has_css_class (desk_preferences_dialog_get_row (dialog, "名称"),
                                           "error"));
  g_assert_cmpstr (field_text (dialog, "区划代码"), ==, "360426101001");
  g_assert_cmpint (desk_test_query_int (fixture->store, "SELECT count(*) FROM villages"), ==, 0);
  /* A bad code is refused beside its own field. */
  set_field (dialog, "名称", "东坪村");
  set_field (dialog, "区划代码", "3604");
  g_assert_false (save_form (dialog));
  g_assert_null (desk_preferences_dialog_get_message (dialog, "名称"));
  g_assert_nonnull (strstr (desk_preferences_dialog_get_message (dialog, "区划代码"), "12"));
  set_field (dialog, "区划代码", "360426101001");
  set_field (dialog, "启用日期", "20240101");
  g_assert_true (save_form (dialog));
  dongping = village_id (fixture, "东坪村");
  g_assert_cmpint (dongping, >, 0);
  village = desk_village_get (fixture->store, dongping, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (village->kind, ==, "村");
  g_assert_cmpstr (village->area_code, ==, "360426101001");
  g_assert_cmpstr (village->active_from, ==, "2024-01-01");
  g_assert_nonnull (find_row (fixture, ADW_TYPE_ACTION_ROW, "东坪村"));
  g_assert_null (find_row (fixture, ADW_TYPE_ACTION_ROW, "还没有村(社区)"));

  /* A committee for it. */
  dialog = open_form (fixture, "prefs.committee-add", NULL);
  set_field (dialog, "名称", "东坪村人民调解委员会");
  set_field (dialog, "简称", "东坪");
  choose_row (dialog, "类型", "村调委会");
  choose_row (dialog, "村(居)", "东坪村");
  g_assert_true (save_form (dialog));
  committee_id = desk_committee_find (fixture->store, "东坪村人民调解委员会");
  g_assert_cmpint (committee_id, >, 0);
  committee = desk_committee_get (fixture->store, committee_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (committee->short_name, ==, "东坪");
  g_assert_cmpint (committee->village_id, ==, dongping);
  g_assert_cmpint (committee->type_id, ==,
                   desk_codes_find (fixture->store, DESK_CODE_COMMITTEE_TYPE, "村调委会"));
  g_assert_nonnull (find_row (fixture, ADW_TYPE_EXPANDER_ROW, "东坪村人民调解委员会"));

  /* A second committee with the same short name: refused beside 简称, the
   * text kept; Escape's action closes without saving. */
  dialog = open_form (fixture, "prefs.committee-add", NULL);
  set_field (dialog, "名称", "青山镇人民调解委员会");
  set_field (dialog, "简称", "东坪");
  choose_row (dialog, "类型", "乡镇调委会");
  g_assert_false (save_form (dialog));
  g_assert_nonnull (strstr (desk_preferences_dialog_get_message (dialog, "简称"), "东坪"));
  g_assert_null (desk_preferences_dialog_get_message (dialog, "名称"));
  g_assert_cmpstr (field_text (dialog, "名称"), ==, "青山镇人民调解委员会");
  g_assert_cmpstr (field_text (dialog, "简称"), ==, "东坪");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  g_assert_null (find_last (DESK_TYPE_PREFERENCES_DIALOG));
  g_assert_cmpint (desk_committee_find (fixture->store, "青山镇人民调解委员会"), ==, 0);

  /* A mediator, saved with Enter in a text field. */
  dialog = open_form (fixture, "prefs.mediator-add", g_variant_new_int64 (committee_id));
  set_field (dialog, "姓名", "张三");
  choose_row (dialog, "性别", "男");
  set_field (dialog, "手机", "138 0013 8000");
  choose_row (dialog, "专兼职", "专职");
  g_object_ref (dialog);
  g_signal_emit_by_name (desk_preferences_dialog_get_row (dialog, "姓名"), "entry-activated");
  iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);
  mediator_id = desk_mediator_find (fixture->store, "张三", committee_id);
  g_assert_cmpint (mediator_id, >, 0);
  mediator = desk_mediator_get (fixture->store, mediator_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mediator->sex, ==, DESK_SEX_MALE);
  g_assert_true (mediator->full_time);
  g_assert_cmpstr (mediator->phone, ==, "13800138000");
  g_assert_cmpint (mediator->committee_id, ==, committee_id);
  row = find_row (fixture, ADW_TYPE_ACTION_ROW, "张三");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "男 · 专职 · 13800138000");

  /* A bad phone is refused beside 手机. */
  dialog = open_form (fixture, "prefs.mediator-edit", g_variant_new_int64 (mediator_id));
  g_assert_cmpstr (field_text (dialog, "姓名"), ==, "张三");
  set_field (dialog, "手机", "12345");
  g_assert_false (save_form (dialog));
  g_assert_nonnull (desk_preferences_dialog_get_message (dialog, "手机"));
  g_assert_cmpstr (field_text (dialog, "手机"), ==, "12345");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));

  /* Staff: added, then taken off duty with the row's switch. */
  dialog = open_form (fixture, "prefs.staff-add", NULL);
  set_field (dialog, "姓名", "李四");
  choose_row (dialog, "职务", "所长");
  g_assert_true (save_form (dialog));
  staff_id = desk_staff_find (fixture->store, "李四");
  g_assert_cmpint (staff_id, >, 0);
  staff = desk_staff_get (fixture->store, staff_id, &error);
  g_assert_cmpstr (staff->role, ==, "所长");
  g_assert_true (staff->active);
  row = find_row (fixture, ADW_TYPE_ACTION_ROW, "李四");
  g_assert_nonnull (row);
  toggle = find_descendant (row, GTK_TYPE_SWITCH, NULL);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  g_clear_pointer (&staff, desk_staff_free);
  staff = desk_staff_get (fixture->store, staff_id, &error);
  g_assert_false (staff->active);
}

/* A village in use is not deleted: the core's reason is shown and the way
 * out is to retire it; an unused one is deleted. */
static void
test_delete_in_use (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(DeskVillage) village = NULL;
  g_autoptr(DeskCommittee) committee = NULL;
  g_autoptr(GError) error = NULL;
  DeskPreferencesDialog *form;
  AdwMessageDialog *dialog;
  gint64 id, unused;

  village = desk_village_new ();
  village->name = g_strdup ("东坪村");
  village->kind = g_strdup ("村");
  id = desk_village_create (fixture->store, village, &error);
  g_assert_no_error (error);
  committee = desk_committee_new ();
  committee->name = g_strdup ("东坪村人民调解委员会");
  committee->short_name = g_strdup ("东坪");
  committee->type_id = desk_codes_find (fixture->store, DESK_CODE_COMMITTEE_TYPE, "村调委会");
  committee->village_id = id;
  g_assert_cmpint (desk_committee_create (fixture->store, committee, &error), >, 0);
  g_clear_pointer (&village, desk_village_free);
  village = desk_village_new ();
  village->name = g_strdup ("西岭村");
  village->kind = g_strdup ("村");
  unused = desk_village_create (fixture->store, village, &error);
  g_assert_no_error (error);

  /* The window learns of them when it is opened again. */
  gtk_window_destroy (GTK_WINDOW (fixture->prefs));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.preferences",
                                             NULL));
  fixture->prefs = DESK_PREFERENCES_WINDOW (find_last (DESK_TYPE_PREFERENCES_WINDOW));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->prefs), "prefs.village-delete",
                                             "x", id));
  dialog = ADW_MESSAGE_DIALOG (find_last (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "删除“东坪村”？");
  respond (dialog, "delete");
  dialog = ADW_MESSAGE_DIALOG (find_last (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "“东坪村”已被 1 条记录使用，不能删除；请填写停用日期将其停用。");
  g_assert_cmpint (desk_village_find (fixture->store, "东坪村"), ==, id);

  /* Retire it instead: the form offers today; a date before its start is
   * refused beside the field. */
  respond (dialog, "retire");
  form = DESK_PREFERENCES_DIALOG (find_last (DESK_TYPE_PREFERENCES_DIALOG));
  g_assert_nonnull (form);
  g_assert_cmpstr (field_text (form, "停用日期"), ==, "2026-11-23");
  set_field (form, "停用日期", "");
  g_assert_false (save_form (form));
  g_assert_nonnull (desk_preferences_dialog_get_message (form, "停用日期"));
  set_field (form, "停用日期", "2026-13-01");
  g_assert_false (save_form (form));
  g_assert_cmpstr (desk_preferences_dialog_get_message (form, "停用日期"), ==,
                   "“2026-13-01”不是有效日期，请按 2026-10-01 的格式填写");
  set_field (form, "停用日期", "2026年12月31日");
  g_assert_true (save_form (form));
  g_clear_pointer (&village, desk_village_free);
  village = desk_village_get (fixture->store, id, &error);
  g_assert_cmpstr (village->active_until, ==, "2026-12-31");

  /* Made active again from its menu. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->prefs),
                                             "prefs.village-restore", "x", id));
  g_clear_pointer (&village, desk_village_free);
  village = desk_village_get (fixture->store, id, &error);
  g_assert_null (village->active_until);

  /* An unused village is deleted. */
  g_assert_nonnull (find_row (fixture, ADW_TYPE_ACTION_ROW, "西岭村"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->prefs), "prefs.village-delete",
                                             "x", unused));
  respond (ADW_MESSAGE_DIALOG (find_last (ADW_TYPE_MESSAGE_DIALOG)), "delete");
  g_assert_null (find_last (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpint (desk_village_find (fixture->store, "西岭村"), ==, 0);
  g_assert_null (find_row (fixture, ADW_TYPE_ACTION_ROW, "西岭村"));
}

static int
code_position (DeskStore *store,
               gint64     id)
{
  g_autoptr(GPtrArray) codes = desk_codes_list (store, DESK_CODE_DISPUTE_TYPE, TRUE);

  for (guint i = 0; i < codes->len; i++)
    if (((DeskCode *) g_ptr_array_index (codes, i))->id == id)
      return (int) i;
  return -1;
}

/* A label added to 纠纷类型 with its report row, renamed, moved, retired. */
static void
test_codes (Fixture       *fixture,
            gconstpointer  data)
{
  const char *const *kinds = desk_code_kinds ();
  GtkWidget *kind_row = find_row (fixture, ADW_TYPE_COMBO_ROW, "代码表");
  DeskPreferencesDialog *dialog;
  g_autofree char *row_text = NULL;
  g_autofree char *label = NULL;
  gint64 id;
  int position;
  GtkWidget *row;

  g_assert_nonnull (kind_row);
  for (guint i = 0; kinds[i] != NULL; i++)
    if (g_str_equal (kinds[i], DESK_CODE_DISPUTE_TYPE))
      adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), i);
  row = find_row (fixture, ADW_TYPE_ACTION_ROW, "邻里纠纷");
  g_assert_nonnull (row);
  /* A label counted in its own row names no other. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "");

  /* The form asks for the report row, explains it, and offers 其他纠纷. */
  dialog = open_form (fixture, "prefs.code-add", NULL);
  g_assert_nonnull (desk_preferences_dialog_get_row (dialog, "统计表行"));
  g_assert_true (has_label (GTK_WIDGET (dialog),
                            "统计月报把选用此标签的记录计入这里所选的行，以后不能更改。"));
  g_assert_cmpuint (desk_preferences_dialog_get_selected (dialog, "统计表行"), ==,
                    g_strv_length ((char **) desk_code_report_rows (DESK_CODE_DISPUTE_TYPE)) - 1);
  /* Empty, then a label already in the list: refused beside 标签. */
  g_assert_false (save_form (dialog));
  g_assert_cmpstr (desk_preferences_dialog_get_message (dialog, "标签"), ==, "名称不能为空");
  set_field (dialog, "标签", "邻里纠纷");
  g_assert_false (save_form (dialog));
  g_assert_cmpstr (desk_preferences_dialog_get_message (dialog, "标签"), ==,
                   "“邻里纠纷”已在列表中");
  g_assert_cmpstr (field_text (dialog, "标签"), ==, "邻里纠纷");
  set_field (dialog, "标签", " 土地流转纠纷 ");
  choose_row (dialog, "统计表行", "山林土地纠纷");
  g_assert_true (save_form (dialog));
  id = desk_codes_find (fixture->store, DESK_CODE_DISPUTE_TYPE, "土地流转纠纷");
  g_assert_cmpint (id, >, 0);
  row_text = desk_test_query_text (fixture->store,
                                   "SELECT report_row FROM codes WHERE label = '土地流转纠纷'");
  g_assert_cmpstr (row_text, ==, "山林土地纠纷");
  row = find_row (fixture, ADW_TYPE_ACTION_ROW, "土地流转纠纷");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "计入：山林土地纠纷");

  /* Renamed. */
  dialog = open_form (fixture, "prefs.code-rename", g_variant_new_int64 (id));
  g_assert_cmpstr (field_text (dialog, "标签"), ==, "土地流转纠纷");
  set_field (dialog, "标签", "土地经营权流转纠纷");
  g_assert_true (save_form (dialog));
  label = desk_codes_label (fixture->store, id);
  g_assert_cmpstr (label, ==, "土地经营权流转纠纷");

  /* Moved up, twice, and back down once. */
  position = code_position (fixture->store, id);
  g_assert_cmpint (position, ==, 18);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->prefs), "prefs.code-move-up",
                                             "x", id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->prefs), "prefs.code-move-up",
                                             "x", id));
  g_assert_cmpint (code_position (fixture->store, id), ==, 16);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->prefs),
                                             "prefs.code-move-down", "x", id));
  g_assert_cmpint (code_position (fixture->store, id), ==, 17);

  /* Retired, marked so, and restored. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->prefs), "prefs.code-retire",
                                             "x", id));
  g_assert_cmpint (desk_test_query_int (fixture->store,
                                        "SELECT active FROM codes"
                                        " WHERE label = '土地经营权流转纠纷'"),
                   ==, 0);
  row = find_row (fixture, ADW_TYPE_ACTION_ROW, "土地经营权流转纠纷");
  g_assert_nonnull (row);
  g_assert_true (has_label (row, "已停用"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->prefs), "prefs.code-restore",
                                             "x", id));
  g_assert_cmpint (desk_test_query_int (fixture->store,
                                        "SELECT active FROM codes"
                                        " WHERE label = '土地经营权流转纠纷'"),
                   ==, 1);

  /* A list the forms do not count by asks for no row. */
  for (guint i = 0; kinds[i] != NULL; i++)
    if (g_str_equal (kinds[i], DESK_CODE_DIFFICULTY))
      adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), i);
  dialog = open_form (fixture, "prefs.code-add", NULL);
  g_assert_null (desk_preferences_dialog_get_row (dialog, "统计表行"));
  set_field (dialog, "标签", "特别重大");
  g_assert_true (save_form (dialog));
  g_assert_cmpint (desk_codes_find (fixture->store, DESK_CODE_DIFFICULTY, "特别重大"), >, 0);
}

/* Holidays by year: added (10-10 means the year shown), refused when the
 * date is not one, removed and brought back with Undo. */
static void
test_holidays (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *year_row = find_row (fixture, ADW_TYPE_ACTION_ROW, "年份");
  GtkSpinButton *year;
  DeskPreferencesDialog *dialog;
  g_autoptr(GPtrArray) days = NULL;
  DeskHoliday *day;

  g_assert_nonnull (year_row);
  year = GTK_SPIN_BUTTON (find_descendant (year_row, GTK_TYPE_SPIN_BUTTON, NULL));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (year), ==, 2026);
  g_assert_nonnull (find_row (fixture, ADW_TYPE_ACTION_ROW, "本年度尚未录入"));

  dialog = open_form (fixture, "prefs.holiday-add", NULL);
  set_field (dialog, "日期", "10-32");
  set_field (dialog, "备注", "国庆调休");
  g_assert_false (save_form (dialog));
  g_assert_nonnull (strstr (desk_preferences_dialog_get_message (dialog, "日期"), "10-32"));
  g_assert_cmpstr (field_text (dialog, "备注"), ==, "国庆调休");
  set_field (dialog, "日期", "10-10");
  choose_row (dialog, "类型", "调休上班日");
  g_assert_true (save_form (dialog));
  days = desk_holidays_list (fixture->store, 2026);
  g_assert_cmpuint (days->len, ==, 1);
  day = g_ptr_array_index (days, 0);
  g_assert_cmpstr (day->date, ==, "2026-10-10");
  g_assert_true (day->workday);
  g_assert_cmpstr (day->note, ==, "国庆调休");
  g_assert_nonnull (find_row (fixture, ADW_TYPE_ACTION_ROW, "2026-10-10  星期六"));

  /* Removed, then Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->prefs),
                                             "prefs.holiday-remove", "s", "2026-10-10"));
  g_clear_pointer (&days, g_ptr_array_unref);
  days = desk_holidays_list (fixture->store, 2026);
  g_assert_cmpuint (days->len, ==, 0);
  g_assert_null (find_row (fixture, ADW_TYPE_ACTION_ROW, "2026-10-10  星期六"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->prefs), "prefs.holiday-undo",
                                             NULL));
  g_clear_pointer (&days, g_ptr_array_unref);
  days = desk_holidays_list (fixture->store, 2026);
  g_assert_cmpuint (days->len, ==, 1);
  g_assert_true (((DeskHoliday *) g_ptr_array_index (days, 0))->workday);

  /* A day of another year shows that year. */
  dialog = open_form (fixture, "prefs.holiday-add", NULL);
  set_field (dialog, "日期", "2027-01-01");
  set_field (dialog, "备注", "元旦");
  g_assert_true (save_form (dialog));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (year), ==, 2027);
  g_assert_nonnull (find_row (fixture, ADW_TYPE_ACTION_ROW, "2027-01-01  星期五"));
  g_assert_false (desk_is_working_day (fixture->store, "2027-01-01"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->prefs),
                                             "prefs.holiday-remove", "s", "2027-01-01"));
  g_assert_true (desk_is_working_day (fixture->store, "2027-01-01"));
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
  g_test_add ("/preferences/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("open", test_open);
  ADD ("station-and-limits", test_station_and_limits);
  ADD ("registers", test_registers);
  ADD ("delete-in-use", test_delete_in_use);
  ADD ("codes", test_codes);
  ADD ("holidays", test_holidays);
#undef ADD

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
