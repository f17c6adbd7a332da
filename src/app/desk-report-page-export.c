/* desk-report-page-export.c — the workbook and the report history.
 *
 * "Export Workbook…" proposes forms.md's file name in the folder of the
 * last export and writes the workbook in a worker (a temporary file renamed
 * into place, by the writer), then records it in the report history.  The
 * history of the month shown is listed (when, who, file, SHA-256), and when
 * the figures moved since the last export the page names them and offers
 * the corrected workbook.  As with `legaldesk-cli export`, a month whose
 * figures changed since its export, or that was last sent corrected, is
 * exported corrected: the county should never get two plain workbooks that
 * disagree.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-history.h"
#include "desk-report-page-private.h"
#include "desk-settings.h"
#include "desk-xlsx.h"

/* The banner names this many changed figures, then says how many more. */
#define MAX_CHANGES_NAMED 3

/* ---- history (in the loading worker) ----------------------------------- */

/* The exports of @report's month and the figures changed since the last
 * one; runs in the loading worker on its connection. */
void
desk_report_page_load_history (DeskStore         *store,
                               const DeskReport  *report,
                               GPtrArray        **exports,
                               GPtrArray        **changes,
                               GError           **error)
{
  g_autoptr(GPtrArray) all = desk_history_list (store, error);
  GPtrArray *month;

  *exports = NULL;
  *changes = NULL;
  if (all == NULL)
    return;

  month = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_export_free);
  for (guint i = 0; i < all->len; i++)
    {
      DeskExport *export = g_ptr_array_index (all, i);

      if (export->year == report->year && export->month == report->month)
        g_ptr_array_add (month, g_ptr_array_steal_index (all, i--));
    }
  *exports = month;

  if (month->len > 0)
    {
      DeskExport *last = g_ptr_array_index (month, month->len - 1);
      g_autofree char *figures = desk_history_serialize (report);

      *changes = desk_history_compare (last->figures, figures);
    }
  else
    *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_figure_change_free);
}

static DeskExport *
last_export (DeskReportPage *self)
{
  if (self->exports == NULL || self->exports->len == 0)
    return NULL;
  return g_ptr_array_index (self->exports, self->exports->len - 1);
}

/* Whether the next workbook of the month must be a correction. */
static gboolean
must_correct (DeskReportPage *self)
{
  DeskExport *last = last_export (self);

  return last != NULL && ((self->changes != NULL && self->changes->len > 0) || last->corrected);
}

/* "2026-12-02 10:15" of "2026-12-02 10:15:07" */
static char *
short_time (const char *timestamp)
{
  return g_strndup (timestamp ? timestamp : "", 16);
}

static GtkWidget *
make_history_row (const DeskExport *export)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = short_time (export->exported_at);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *hash = g_strndup (export->sha256 ? export->sha256 : "", 12);

  title = export->exported_by && *export->exported_by
          ? g_strdup_printf ("%s · %s", when, export->exported_by)
          : g_strdup (when);
  subtitle = g_strdup_printf ("%s\nSHA-256 %s…", export->file_name, hash);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_set_tooltip_text (row, export->sha256);
  if (export->corrected)
    {
      GtkWidget *tag = gtk_label_new (_("Corrected"));

      gtk_widget_add_css_class (tag, "dim-label");
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }
  return row;
}

/* Export needs the month's figures in view (not while the next month's
 * are computed), a station named, and no export under way. */
void
desk_report_page_update_actions (DeskReportPage *self)
{
  gboolean can = self->report != NULL && self->blocked == NULL && !self->exporting &&
                 !self->busy;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export", can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-corrected", can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-to", can);
}

void
desk_report_page_show_history (DeskReportPage *self)
{
  DeskExport *last = last_export (self);
  guint n_changes = self->changes ? self->changes->len : 0;
  GtkWidget *child;

  desk_report_page_update_actions (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->history_button), last != NULL);
  if (last == NULL)
    {
      gtk_label_set_text (self->status_label, self->report ? _("Not exported yet") : "");
      gtk_widget_set_visible (self->changed_bar, FALSE);
      return;
    }

  {
    g_autofree char *when = short_time (last->exported_at);
    g_autofree char *status = g_strdup_printf (last->corrected ? _("Corrected workbook "
                                                                   "exported on %s")
                                                               : _("Exported on %s"),
                                               when);
    g_autofree char *count = g_strdup_printf (ngettext ("%u Export", "%u Exports",
                                                        self->exports->len),
                                              self->exports->len);

    gtk_label_set_text (self->status_label, status);
    gtk_menu_button_set_label (self->history_button, count);
  }
  /* newest first */
  for (guint i = self->exports->len; i-- > 0;)
    gtk_list_box_append (self->history_list,
                         make_history_row (g_ptr_array_index (self->exports, i)));

  gtk_widget_set_visible (self->changed_bar, n_changes > 0);
  if (n_changes > 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *when = short_time (last->exported_at);

      g_string_append_printf (text, ngettext ("%u figure changed since the export of %s "
                                              "(shaded in the tables):",
                                              "%u figures changed since the export of %s "
                                              "(shaded in the tables):",
                                              n_changes),
                              n_changes, when);
      g_string_append_c (text, '\n');
      for (guint i = 0; i < n_changes && i < MAX_CHANGES_NAMED; i++)
        {
          g_autofree char *line = desk_figure_change_describe (g_ptr_array_index (self->changes,
                                                                                  i));

          if (i > 0)
            g_string_append (text, C_("list separator", "; "));
          g_string_append (text, line);
        }
      if (n_changes > MAX_CHANGES_NAMED)
        {
          g_string_append (text, C_("list separator", "; "));
          g_string_append_printf (text, ngettext ("and %u more.", "and %u more.",
                                                  n_changes - MAX_CHANGES_NAMED),
                                  n_changes - MAX_CHANGES_NAMED);
        }
      gtk_label_set_text (self->changed_label, text->str);
    }
}

/* Marks the figures of @sheet that changed since the last export. */
void
desk_report_page_mark_changes (DeskReportPage *self,
                               const char     *sheet)
{
  if (self->changes == NULL)
    return;
  for (guint i = 0; i < self->changes->len; i++)
    {
      DeskFigureChange *change = g_ptr_array_index (self->changes, i);
      g_autofree char *key = NULL;
      g_autofree char *tooltip = NULL;
      GtkWidget *cell;

      if (g_strcmp0 (change->sheet, sheet) != 0)
        continue;
      key = desk_report_figure_key (change->sheet, change->row, change->path);
      cell = g_hash_table_lookup (self->figures, key);
      if (cell == NULL)
        continue;
      gtk_widget_add_css_class (cell, "changed");
      tooltip = g_strdup_printf (_("%s\nExported as %s"), gtk_widget_get_tooltip_text (cell),
                                 change->old_value && *change->old_value ? change->old_value
                                                                         : "—");
      gtk_widget_set_tooltip_text (cell, tooltip);
    }
}

/* ---- writing the workbook ---------------------------------------------- */

typedef struct
{
  char     *db_path;
  int       year;
  int       month;
  char     *path;
  gboolean  corrected;
  gboolean  overwrite;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_free (data->db_path);
  g_free (data->path);
  g_free (data);
}

/* Who exported: the station's 填报人, else the account's name (as the
 * command line does). */
static char *
exporter_name (DeskStore *store)
{
  g_autofree char *clerk = desk_settings_get (store, "clerk");

  if (clerk != NULL && *g_strstrip (clerk) != '\0')
    return g_steal_pointer (&clerk);
  return g_strdup (g_get_user_name ());
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(DeskReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *by = NULL;
  DeskXlsxOptions options = { 0, };

  /* its own connection, and a writing one: the history records the export */
  store = desk_store_open (data->db_path, DESK_STORE_OPEN_NO_CREATE, &error);
  if (store == NULL || !desk_figures_can_export (store, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  report = desk_figures_compute (store, data->year, data->month, &error);
  if (report == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  options.corrected = data->corrected;
  options.overwrite = data->overwrite;
  if (!desk_xlsx_write (report, data->path, &options, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  by = exporter_name (store);
  if (!desk_history_record (store, report, data->path, by, data->corrected, NULL, &error))
    {
      g_prefix_error (&error, _("The workbook was written, but the report history could not "
                                "record it: "));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
open_folder (AdwToast       *toast,
             DeskReportPage *self)
{
  const char *folder = g_object_get_data (G_OBJECT (toast), "desk-folder");
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autofree char *uri = g_file_get_uri (file);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
show_failure (DeskReportPage *self,
              const char     *heading,
              const char     *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  DeskReportPage *self = DESK_REPORT_PAGE (source);
  ExportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->exporting = FALSE;
      desk_report_page_update_actions (self);
      show_failure (self, _("The workbook could not be exported"), error->message);
      desk_report_page_reload (self);
      return;
    }
  self->exporting = FALSE;

  folder = g_path_get_dirname (data->path);
  name = g_path_get_basename (data->path);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-export-folder", folder);

  title = g_strdup_printf (_("Exported “%s”"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Open _Folder"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "desk-folder", g_steal_pointer (&folder), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_folder), self, 0);
  desk_report_page_show_toast (self, toast);

  /* the history and the changed figures are new */
  desk_report_page_reload (self);
}

static void
run_export (DeskReportPage *self,
            const char     *path,
            gboolean        corrected,
            gboolean        overwrite)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  if (self->store == NULL || self->report == NULL || self->exporting)
    return;

  data = g_new0 (ExportData, 1);
  data->db_path = g_strdup (desk_store_get_path (self->store));
  data->year = self->report->year;
  data->month = self->report->month;
  data->path = g_strdup (path);
  data->corrected = corrected;
  data->overwrite = overwrite;

  self->exporting = TRUE;
  desk_report_page_update_actions (self);
  if (self->export_cancellable == NULL)
    self->export_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->export_cancellable, export_done, NULL);
  g_task_set_source_tag (task, run_export);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

typedef struct
{
  DeskReportPage *self;
  char           *path;
  gboolean        corrected;
} Replace;

static void
replace_free (gpointer  data,
              GClosure *closure)
{
  Replace *replace = data;

  g_object_unref (replace->self);
  g_free (replace->path);
  g_free (replace);
}

static void
replace_response (AdwMessageDialog *dialog,
                  const char       *response,
                  Replace          *replace)
{
  if (g_strcmp0 (response, "replace") == 0)
    run_export (replace->self, replace->path, replace->corrected, TRUE);
}

/* Writes to @path, asking first when a file of that name is there. */
static void
export_to_path (DeskReportPage *self,
                const char     *path,
                gboolean        corrected)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  GtkWidget *dialog;
  Replace *replace;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      run_export (self, path, corrected, FALSE);
      return;
    }

  name = g_path_get_basename (path);
  folder = g_path_get_dirname (path);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Replace “%s”?"), name);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The folder “%s” already holds a file of this name. "
                                    "Replacing it overwrites its contents."), folder);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  replace = g_new0 (Replace, 1);
  replace->self = g_object_ref (self);
  replace->path = g_strdup (path);
  replace->corrected = corrected;
  g_signal_connect_data (dialog, "response", G_CALLBACK (replace_response), replace,
                         replace_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the file chooser -------------------------------------------------- */

static GFile *
export_folder (DeskReportPage *self)
{
  g_autofree char *last = self->settings
                          ? g_settings_get_string (self->settings, "last-export-folder")
                          : NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (last);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

static void
chooser_response (GtkNativeDialog *chooser,
                  int              response,
                  DeskReportPage  *self)
{
  gboolean corrected = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser),
                                                           "desk-corrected"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      /* the chooser has asked before replacing a file */
      if (path != NULL)
        run_export (self, path, corrected, TRUE);
    }
  g_clear_object (&self->chooser);
}

static void
choose_file (DeskReportPage *self,
             gboolean        corrected)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GFile) folder = export_folder (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->report == NULL || self->blocked != NULL || self->chooser != NULL)
    return;

  corrected = corrected || must_correct (self);
  name = desk_xlsx_file_name (self->report, corrected);

  self->chooser = gtk_file_chooser_native_new (corrected ? _("Export Corrected Workbook")
                                                         : _("Export Workbook"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Excel workbooks (*.xlsx)"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_object_set_data (G_OBJECT (self->chooser), "desk-corrected", GINT_TO_POINTER (corrected));
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  choose_file (DESK_REPORT_PAGE (widget), FALSE);
}

static void
export_corrected_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  choose_file (DESK_REPORT_PAGE (widget), TRUE);
}

/* report.export-to (path, corrected): the export without the chooser */
static void
export_to_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DeskReportPage *self = DESK_REPORT_PAGE (widget);
  const char *path;
  gboolean corrected;

  g_variant_get (parameter, "(&sb)", &path, &corrected);
  if (self->report == NULL || self->blocked != NULL || *path == '\0')
    return;
  export_to_path (self, path, corrected || must_correct (self));
}

void
desk_report_page_export_init (DeskReportPage *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  if (schema != NULL)
    self->settings = g_settings_new (APP_ID);
  desk_report_page_update_actions (self);
}

void
desk_report_page_export_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "report.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "report.export-corrected", NULL,
                                   export_corrected_activated);
  gtk_widget_class_install_action (widget_class, "report.export-to", "(sb)",
                                   export_to_activated);
}
