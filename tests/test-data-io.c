/* test-data-io.c — moving a ledger in and out from the window, under a
 * virtual display: the import report before anything is written, an import
 * confirmed, export as CSV, backup, restore (and a refused restore) and the
 * check, each run through the window's actions that take paths, so that no
 * file chooser is needed. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "desk-application.h"
#include "desk-dashboard-page.h"
#include "desk-export-csv.h"
#include "desk-import-window.h"
#include "desk-import.h"
#include "desk-settings.h"
#include "desk-test-gui.h"
#include "desk-test-util.h"
#include "desk-window.h"

static DeskApplication *app;

typedef struct
{
  char       *path;
  DeskWindow *window;
  guint       reloads;
} Fixture;

static GtkWidget *
find_widget (GtkWidget *root,
             gboolean (*match) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child, data))
        return child;
      found = find_widget (child, match, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
label_is (GtkWidget    *widget,
          gconstpointer text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
label_contains (GtkWidget    *widget,
                gconstpointer text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
row_titled (GtkWidget    *widget,
            gconstpointer title)
{
  return ADW_IS_ACTION_ROW (widget) && gtk_widget_is_visible (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
button_for (GtkWidget    *widget,
            gconstpointer action)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  return find_widget (root, label_is, text) != NULL;
}

/* The file row of the report whose title is @title. */
static const char *
file_row_subtitle (DeskImportWindow *window,
                   const char       *title)
{
  GtkWidget *row = find_widget (GTK_WIDGET (window), row_titled, title);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static gboolean
file_row_has_label (DeskImportWindow *window,
                    const char       *title,
                    const char       *text)
{
  GtkWidget *row = find_widget (GTK_WIDGET (window), row_titled, title);

  g_assert_nonnull (row);
  return has_label (row, text);
}

static const char *
last_toast (Fixture *fixture)
{
  AdwToast *toast = desk_window_get_last_toast (fixture->window);

  const char *title = toast != NULL ? adw_toast_get_title (toast) : NULL;

  return title != NULL ? title : "";
}

static AdwMessageDialog *
message_dialog (void)
{
  return ADW_MESSAGE_DIALOG (last_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static char *
fixtures_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", NULL);
}

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  return desk_test_query_int (desk_window_get_store (fixture->window), sql);
}

static void
reloaded (Fixture *fixture)
{
  fixture->reloads++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static int n;
  g_autofree char *name = g_strdup_printf ("data-io-%d/ledger.db", ++n);
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  DeskStore *store;

  fixture->path = desk_test_path (name);
  dir = g_path_get_dirname (fixture->path);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  store = desk_test_open_store (name);
  g_assert_true (desk_settings_set (store, "county", "青山县", &error));
  g_assert_true (desk_settings_set (store, "township", "青山镇", &error));
  g_assert_true (desk_settings_set (store, "station", "青山镇司法所", &error));
  g_object_unref (store);

  fixture->window = desk_window_new (app, fixture->path);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_cmpstr (desk_window_get_mode (fixture->window), ==, "main");
  g_signal_connect_swapped (fixture->window, "reload", G_CALLBACK (reloaded), fixture);
  iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate ();
  g_assert_null (last_toplevel (DESK_TYPE_IMPORT_WINDOW));
  g_assert_null (last_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_free (fixture->path);
}

/* The fixtures imported through the core, as a ledger to work on. */
static void
import_fixtures (Fixture *fixture)
{
  g_autofree char *dir = fixtures_dir ();
  const char *paths[] = { dir, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_import_paths (desk_window_get_store (fixture->window), paths, NULL, NULL,
                                    &error));
  g_assert_no_error (error);
}

static DeskImportWindow *
open_import (Fixture           *fixture,
             const char *const *paths)
{
  DeskImportWindow *window;

  g_assert_null (last_toplevel (DESK_TYPE_IMPORT_WINDOW));
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window),
                                                     "win.import-paths",
                                                     g_variant_new_strv (paths, -1)));
  window = DESK_IMPORT_WINDOW (last_toplevel (DESK_TYPE_IMPORT_WINDOW));
  g_assert_nonnull (window);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (window)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (window)) ==
                 GTK_WINDOW (fixture->window));
  WAIT_UNTIL (!desk_import_window_get_busy (window));
  return window;
}

static void
assert_nothing_imported (Fixture *fixture)
{
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM villages"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM committees"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM consultations"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM mediation_cases"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM legal_aid"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM people"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM staff"), ==, 0);
}

/* The dry run of the fixture folder: per file what would be added, the
 * staff that would be added, Import offered; nothing written, and Cancel
 * leaves it so. */
static void
test_import_report (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *dir = fixtures_dir ();
  const char *paths[] = { dir, NULL };
  DeskImportWindow *window;
  const DeskImportReport *report;
  GtkWidget *button;

  assert_nothing_imported (fixture);
  window = open_import (fixture, paths);
  report = desk_import_window_get_report (window);
  g_assert_nonnull (report);
  g_assert_true (report->dry_run);
  g_assert_false (report->written);
  g_assert_cmpuint (report->files->len, ==, DESK_CSV_N_KINDS);
  g_assert_cmpuint (report->problems->len, ==, 0);

  g_assert_true (has_label (GTK_WIDGET (window), "检查通过，可以导入"));
  g_assert_true (has_label (GTK_WIDGET (window),
                            "将新增 44 条，跳过 0 条（已在台账中）。"
                            "在您点“导入”之前，不会写入任何内容。"));
  g_assert_cmpstr (file_row_subtitle (window, "村(社区)"), ==, "villages.csv · 4 行 · UTF-8");
  g_assert_true (file_row_has_label (window, "村(社区)", "新增 4"));
  g_assert_true (file_row_has_label (window, "村(社区)", "跳过 0"));
  g_assert_cmpstr (file_row_subtitle (window, "来访咨询"), ==,
                   "consultations.csv · 6 行 · UTF-8");
  g_assert_true (file_row_has_label (window, "来访咨询", "新增 6"));
  g_assert_true (file_row_has_label (window, "人民调解案件", "新增 5"));
  g_assert_true (file_row_has_label (window, "法律援助申请", "新增 5"));
  g_assert_true (file_row_has_label (window, "法律顾问服务记录", "新增 3"));
  /* The staff named in 接待人 and 接收人, in the order met. */
  g_assert_nonnull (find_widget (GTK_WIDGET (window), row_titled, "周敏、吴刚、王芳"));
  /* No error list. */
  g_assert_false (has_label (GTK_WIDGET (window), "需要改正的错误"));
  g_assert_null (find_widget (GTK_WIDGET (window), label_contains, "处错误"));

  button = find_widget (GTK_WIDGET (window), button_for, "import.run");
  g_assert_nonnull (button);
  g_assert_true (desk_import_window_can_import (window));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_has_focus (button));

  /* The check wrote nothing; neither does Cancel. */
  assert_nothing_imported (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "import.cancel", NULL));
  iterate ();
  g_assert_null (last_toplevel (DESK_TYPE_IMPORT_WINDOW));
  assert_nothing_imported (fixture);
  g_assert_cmpuint (fixture->reloads, ==, 0);
}

/* A file with one bad row: that row's line and column are listed, Import
 * is not offered (and does nothing when asked), nothing is written, and
 * the list can be copied as text. */
static void
test_import_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (desk_test_dir (), "bad-import", NULL);
  g_autofree char *file = g_build_filename (dir, "villages.csv", NULL);
  const char *paths[] = { file, NULL };
  DeskImportWindow *window;
  const DeskImportReport *report;
  const DeskImportProblem *problem;
  GtkWidget *button;
  GdkClipboard *clipboard;
  g_autofree char *copied = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file,
                                      "名称,类型,区划代码\r\n"
                                      "青山村,村,360426100201\r\n"
                                      "西岭村,城镇,\r\n"
                                      "东坪村,村,\r\n", -1, NULL));

  window = open_import (fixture, paths);
  report = desk_import_window_get_report (window);
  g_assert_cmpuint (report->problems->len, ==, 1);
  problem = g_ptr_array_index (report->problems, 0);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_cmpstr (problem->column, ==, "类型");

  g_assert_true (has_label (GTK_WIDGET (window), "有 1 处错误需要先改正"));
  g_assert_true (has_label (GTK_WIDGET (window), "需要改正的错误"));
  g_assert_true (has_label (GTK_WIDGET (window), "villages.csv"));
  g_assert_true (has_label (GTK_WIDGET (window), "第 3 行，“类型”列"));
  g_assert_nonnull (find_widget (GTK_WIDGET (window), label_contains, "“城镇”"));
  /* What the rows that are right would give is still shown. */
  g_assert_true (file_row_has_label (window, "村(社区)", "新增 2"));
  g_assert_true (file_row_has_label (window, "村(社区)", "1 处错误"));

  button = find_widget (GTK_WIDGET (window), button_for, "import.run");
  g_assert_false (desk_import_window_can_import (window));
  g_assert_false (gtk_widget_is_sensitive (button));
  gtk_widget_activate_action (GTK_WIDGET (window), "import.run", NULL);
  iterate ();
  g_assert_false (desk_import_window_get_busy (window));
  g_assert_true (last_toplevel (DESK_TYPE_IMPORT_WINDOW) == GTK_WINDOW (window));
  assert_nothing_imported (fixture);

  /* The list as text, for the clerk to paste next to the spreadsheet. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "import.copy", NULL));
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  {
    GdkContentProvider *content = gdk_clipboard_get_content (clipboard);
    GValue value = G_VALUE_INIT;

    g_assert_nonnull (content);
    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
    copied = g_value_dup_string (&value);
    g_value_unset (&value);
  }
  g_assert_nonnull (strstr (copied, "villages.csv，第3行，类型："));
  g_assert_nonnull (strstr (copied, "城镇"));

  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  g_assert_null (last_toplevel (DESK_TYPE_IMPORT_WINDOW));
  assert_nothing_imported (fixture);
}

/* Confirmed, the import writes the records, closes, says so and tells the
 * pages to reload; the same files again have nothing new. */
static void
test_import_confirmed (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *dir = fixtures_dir ();
  const char *paths[] = { dir, NULL };
  DeskImportWindow *window;

  window = open_import (fixture, paths);
  g_assert_true (desk_import_window_can_import (window));
  assert_nothing_imported (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "import.run", NULL));
  g_assert_true (desk_import_window_get_busy (window));
  WAIT_UNTIL (last_toplevel (DESK_TYPE_IMPORT_WINDOW) == NULL);

  g_assert_cmpint (count (fixture, "SELECT count(*) FROM villages"), ==, 4);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM committees"), ==, 3);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM mediators"), ==, 5);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM consultations"), ==, 6);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM mediation_cases"), ==, 5);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM screenings"), ==, 4);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM legal_aid"), ==, 5);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM adviser_services"), ==, 3);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM staff"), ==, 3);
  g_assert_cmpstr (last_toast (fixture), ==, "导入完成：新增 44 条，跳过 0 条（已在台账中）。");
  g_assert_cmpuint (fixture->reloads, ==, 1);

  /* Again: every row is already there; nothing to import. */
  window = open_import (fixture, paths);
  g_assert_true (has_label (GTK_WIDGET (window), "没有新内容可导入"));
  g_assert_true (file_row_has_label (window, "来访咨询", "跳过 6"));
  g_assert_false (desk_import_window_can_import (window));
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM consultations"), ==, 6);
}

/* Cancel while the files are being checked: the window goes at once, the
 * worker finishes unseen, nothing is written; until it has, a restore
 * waits. */
static void
test_import_cancelled (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *dir = fixtures_dir ();
  const char *paths[] = { dir, NULL };
  g_autofree char *backup = g_build_filename (desk_test_dir (), "cancelled.db", NULL);
  g_autoptr(GError) error = NULL;
  DeskImportWindow *window;

  g_assert_true (desk_store_backup (desk_window_get_store (fixture->window), backup, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window),
                                                     "win.import-paths",
                                                     g_variant_new_strv (paths, -1)));
  window = DESK_IMPORT_WINDOW (last_toplevel (DESK_TYPE_IMPORT_WINDOW));
  g_assert_true (desk_import_window_get_busy (window));
  g_object_ref (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "import.cancel", NULL));
  g_assert_null (last_toplevel (DESK_TYPE_IMPORT_WINDOW));

  /* Its worker still has the ledger open: no restore meanwhile. */
  g_assert_true (desk_import_window_jobs_running ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.restore-from",
                                             "s", backup));
  respond (message_dialog (), "restore");
  g_assert_cmpstr (adw_message_dialog_get_heading (message_dialog ()), ==, "请稍候");
  respond (message_dialog (), "close");
  g_assert_nonnull (desk_window_get_store (fixture->window));

  /* The worker's task keeps the window until it has rolled back. */
  WAIT_UNTIL (G_OBJECT (window)->ref_count == 1);
  g_assert_false (desk_import_window_jobs_running ());
  g_object_unref (window);
  assert_nothing_imported (fixture);
  g_assert_cmpuint (fixture->reloads, ==, 0);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* Export as CSV: the eleven files, byte for byte what the core writes; a
 * folder that already holds them is replaced only when the clerk agrees. */
static void
test_export_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (desk_test_dir (), "export-window", NULL);
  g_autofree char *reference = g_build_filename (desk_test_dir (), "export-core", NULL);
  g_autofree char *toast = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *villages = g_build_filename (dir, "villages.csv", NULL);
  AdwMessageDialog *dialog;
  AdwToast *previous;

  import_fixtures (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-csv-to",
                                             "s", dir));
  toast = g_strdup_printf ("已导出为 CSV 文件，保存在“%s”。", dir);
  WAIT_UNTIL (g_strcmp0 (last_toast (fixture), toast) == 0);

  g_assert_true (desk_export_csv (desk_window_get_store (fixture->window), reference, &error));
  g_assert_no_error (error);
  for (DeskCsvKind kind = 0; kind < DESK_CSV_N_KINDS; kind++)
    {
      g_autofree char *path = g_build_filename (dir, desk_csv_kind_file_name (kind), NULL);
      g_autofree char *other = g_build_filename (reference, desk_csv_kind_file_name (kind),
                                                 NULL);
      g_autofree char *text = read_file (path);
      g_autofree char *expected = read_file (other);

      g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
      g_assert_cmpstr (text, ==, expected);
    }

  /* Into the same folder again: asked first; No keeps the files. */
  g_assert_true (g_file_set_contents (villages, "mine", -1, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-csv-to",
                                             "s", dir));
  dialog = message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "替换这些 CSV 文件吗？");
  respond (dialog, "cancel");
  iterate ();
  {
    g_autofree char *text = read_file (villages);

    g_assert_cmpstr (text, ==, "mine");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-csv-to",
                                             "s", dir));
  previous = desk_window_get_last_toast (fixture->window);
  respond (message_dialog (), "replace");
  WAIT_UNTIL (desk_window_get_last_toast (fixture->window) != previous &&
              g_strcmp0 (last_toast (fixture), toast) == 0);
  {
    g_autofree char *text = read_file (villages);

    g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF名称,类型"));
  }
}

static gboolean
is_leaflet (GtkWidget    *widget,
            gconstpointer data)
{
  return ADW_IS_LEAFLET (widget);
}

static gboolean
is_dashboard (GtkWidget    *widget,
              gconstpointer data)
{
  return DESK_IS_DASHBOARD_PAGE (widget);
}

static gboolean
has_subtitle (GtkWidget    *widget,
              gconstpointer subtitle)
{
  return ADW_IS_WINDOW_TITLE (widget) &&
         g_strcmp0 (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget)), subtitle) == 0;
}

static char *
find_aside (const char *ledger)
{
  g_autofree char *dir = g_path_get_dirname (ledger);
  g_autofree char *base = g_path_get_basename (ledger);
  g_autofree char *prefix = g_strconcat (base, ".before-restore-", NULL);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (name, prefix))
      return g_build_filename (dir, name, NULL);
  return NULL;
}

/* Backup, then changes, then restore: the window works on the ledger as it
 * was at the backup; the changed one is kept aside, named in the toast. */
static void
test_backup_restore (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (desk_test_dir (), "台账备份-20261123.db", NULL);
  g_autofree char *toast = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *station = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) kept = NULL;
  g_autoptr(DeskStore) before = NULL;
  AdwMessageDialog *dialog;
  DeskStore *store;

  import_fixtures (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.backup-to",
                                             "s", backup));
  toast = g_strdup_printf ("已备份到“%s”。", backup);
  WAIT_UNTIL (g_strcmp0 (last_toast (fixture), toast) == 0);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));

  /* Changes after the backup. */
  before = g_object_ref (desk_window_get_store (fixture->window));
  g_assert_true (desk_settings_set (before, "station", "青山镇公共法律服务工作站", &error));
  desk_test_exec (before, "UPDATE consultations SET deleted_at = '2026-11-23 10:00'");
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM consultations WHERE deleted_at IS NULL"),
                   ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.restore-from",
                                             "s", backup));
  dialog = message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "恢复这份备份吗？");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "当前台账不会删除：它会改名保留在原来的文件夹中"));
  /* Cancelled: nothing happens. */
  respond (dialog, "cancel");
  g_assert_true (desk_window_get_store (fixture->window) == before);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.restore-from",
                                             "s", backup));
  respond (message_dialog (), "restore");
  WAIT_UNTIL (g_str_has_prefix (last_toast (fixture), "已恢复备份。"));

  aside = find_aside (fixture->path);
  g_assert_nonnull (aside);
  g_clear_pointer (&toast, g_free);
  toast = g_strdup_printf ("已恢复备份。原来的台账保留为“%s”。", aside);
  g_assert_cmpstr (last_toast (fixture), ==, toast);

  /* The window works on the restored ledger. */
  store = desk_window_get_store (fixture->window);
  g_assert_nonnull (store);
  g_assert_true (store != before);
  g_assert_cmpstr (desk_window_get_mode (fixture->window), ==, "main");
  g_assert_cmpstr (desk_store_get_path (store), ==, fixture->path);
  station = desk_settings_get (store, "station");
  g_assert_cmpstr (station, ==, "青山镇司法所");
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->window), has_subtitle, "青山镇司法所"));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM consultations WHERE deleted_at IS NULL"),
                   ==, 6);
  g_assert_cmpuint (fixture->reloads, ==, 1);
  g_assert_true (gtk_widget_is_sensitive (find_widget (GTK_WIDGET (fixture->window),
                                                       is_leaflet, NULL)));
  g_assert_true (desk_dashboard_page_get_store (
                   DESK_DASHBOARD_PAGE (find_widget (GTK_WIDGET (fixture->window),
                                                     is_dashboard, NULL))) == store);

  /* It writes there, and the check finds it sound. */
  g_clear_pointer (&station, g_free);
  g_assert_true (desk_settings_set (store, "phone", "0795-1234567", &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.check", NULL));
  WAIT_UNTIL (message_dialog () != NULL);
  dialog = message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "台账完好");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "已检查 23 条记录，没有发现问题。");
  respond (dialog, "close");

  /* The ledger set aside is the one with the changes. */
  g_clear_object (&before);
  kept = desk_store_open (aside, DESK_STORE_OPEN_READONLY, &error);
  g_assert_no_error (error);
  station = desk_settings_get (kept, "station");
  g_assert_cmpstr (station, ==, "青山镇公共法律服务工作站");
}

/* A file that is not a ledger is refused with the core's message; the
 * window's ledger stays open, untouched, and nothing is set aside.  The
 * ledger itself is neither a backup nor a place to back up to. */
static void
test_restore_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (desk_test_dir (), "not-a-ledger.db", NULL);
  g_autofree char *aside = NULL;
  g_autofree char *expected = NULL;
  AdwMessageDialog *dialog;
  DeskStore *store;

  import_fixtures (fixture);
  store = desk_window_get_store (fixture->window);
  g_assert_true (g_file_set_contents (bad, "这不是账本，只是一段文字。这不是账本，只是一段文字。",
                                      -1, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.restore-from",
                                             "s", bad));
  respond (message_dialog (), "restore");
  WAIT_UNTIL (message_dialog () != NULL);
  dialog = message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "无法恢复这份备份");
  expected = g_strdup_printf ("无法从“%s”恢复：", bad);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), expected));
  respond (dialog, "close");

  g_assert_true (desk_window_get_store (fixture->window) == store);
  g_assert_cmpstr (desk_window_get_mode (fixture->window), ==, "main");
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM consultations"), ==, 6);
  aside = find_aside (fixture->path);
  g_assert_null (aside);
  g_assert_cmpuint (fixture->reloads, ==, 0);

  /* The ledger itself. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.restore-from",
                                             "s", fixture->path));
  dialog = message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "这不是备份");
  respond (dialog, "close");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.backup-to",
                                             "s", fixture->path));
  dialog = message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "请备份到别处");
  respond (dialog, "close");
  g_assert_true (desk_window_get_store (fixture->window) == store);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM consultations"), ==, 6);
}

/* The check lists what it finds, and offers the way out. */
static void
test_check_problems (Fixture       *fixture,
                     gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkWidget *list;

  import_fixtures (fixture);
  /* Numbers above their sequences could be given twice. */
  desk_test_exec (desk_window_get_store (fixture->window), "DELETE FROM sequences");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.check", NULL));
  WAIT_UNTIL (message_dialog () != NULL);
  dialog = message_dialog ();
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_heading (dialog), "检查发现 "));
  list = adw_message_dialog_get_extra_child (dialog);
  g_assert_nonnull (list);
  list = find_widget (list, label_contains, "consultation 2026");
  g_assert_nonnull (list);
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  respond (dialog, "close");
}

/* A ledger that cannot be opened: the window offers to restore a backup,
 * and after it works on the restored ledger. */
static void
test_restore_damaged (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (desk_test_dir (), "good-backup.db", NULL);
  g_autofree char *broken = g_build_filename (desk_test_dir (), "broken", "ledger.db", NULL);
  g_autofree char *folder = g_path_get_dirname (broken);
  g_autofree char *aside = NULL;
  g_autoptr(GError) error = NULL;
  DeskWindow *window;

  import_fixtures (fixture);
  g_assert_true (desk_store_backup (desk_window_get_store (fixture->window), backup, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (broken, "这不是账本", -1, NULL));
  window = desk_window_new (app, broken);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (desk_window_get_mode (window), ==, "error");
  g_assert_nonnull (find_widget (GTK_WIDGET (window), button_for, "win.restore"));
  /* Nothing else to do without a ledger. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.check", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.backup-to", "s", backup);
  iterate ();
  g_assert_null (desk_window_get_last_toast (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-from", "s",
                                             backup));
  respond (message_dialog (), "restore");
  WAIT_UNTIL (g_strcmp0 (desk_window_get_mode (window), "main") == 0);
  g_assert_nonnull (desk_window_get_store (window));
  g_assert_cmpint (desk_test_query_int (desk_window_get_store (window),
                                        "SELECT count(*) FROM consultations"), ==, 6);
  aside = find_aside (broken);
  g_assert_nonnull (aside);
  {
    g_autofree char *text = read_file (aside);

    g_assert_cmpstr (text, ==, "这不是账本");
  }
  gtk_window_destroy (GTK_WINDOW (window));
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

#define ADD(path, func) \
  g_test_add ("/data-io/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("import-report", test_import_report);
  ADD ("import-errors", test_import_errors);
  ADD ("import-confirmed", test_import_confirmed);
  ADD ("import-cancelled", test_import_cancelled);
  ADD ("export-csv", test_export_csv);
  ADD ("backup-restore", test_backup_restore);
  ADD ("restore-refused", test_restore_refused);
  ADD ("check-problems", test_check_problems);
  ADD ("restore-damaged", test_restore_damaged);
#undef ADD

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
