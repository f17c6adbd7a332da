/* desk-import-window.c — the import report window.
 *
 * Given CSV files (or folders holding them), the window first runs the
 * import as a dry run on a worker with its own connection to the ledger:
 * everything is checked and counted exactly as a real import would, then
 * rolled back.  The clerk then reads, per file, what would be added and
 * what skipped as already there, the staff names that would be added, and
 * every error with its file, line and column, which they can copy to
 * correct the spreadsheet.  "Import" is offered only when there is no
 * error; it runs the real import on the worker, in one transaction, and
 * the window tells its owner ("imported") and closes.  Nothing is written
 * before the clerk confirms.
 *
 * Cancel (or closing the window) during the check closes the window at
 * once; the worker finishes its dry run unseen, which writes nothing.  The
 * real import cannot be stopped half-way: SQLite rolls a transaction back
 * by itself when a write is interrupted, and the importer would then go on
 * outside any transaction.  While it runs the window stays, with Cancel
 * insensitive, and says that everything goes in at once.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-import-window.h"

typedef enum
{
  STATE_CHECKING,
  STATE_REPORT,
  STATE_IMPORTING,
  STATE_DONE,
} State;

struct _DeskImportWindow
{
  AdwWindow          parent_instance;

  char              *db_path;
  GStrv              paths;
  State              state;
  GCancellable      *cancellable;       /* of the job running, if any */
  gboolean           disposed;
  DeskImportReport  *report;            /* the last report shown */
  GError            *error;             /* why the last job failed as a whole */

  AdwToastOverlay   *toasts;
  AdwWindowTitle    *window_title;
  GtkWidget         *cancel_button;
  GtkWidget         *import_button;
  GtkStack          *stack;
  GtkSpinner        *spinner;
  GtkLabel          *busy_label;
  GtkLabel          *busy_detail;
  GtkImage          *banner_icon;
  GtkLabel          *banner_heading;
  GtkLabel          *banner_body;
  GtkWidget         *errors_group;
  GtkListBox        *errors_list;
  GtkWidget         *files_group;
  GtkListBox        *files_list;
  GtkWidget         *staff_group;
  AdwActionRow      *staff_row;
};

G_DEFINE_FINAL_TYPE (DeskImportWindow, desk_import_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Workers still running, also those of windows already closed: a restore
 * must not move the ledger from under them. */
static guint running_jobs;

/* What each kind of file holds, in the words of the program's pages. */
static const char *const kind_titles[DESK_CSV_N_KINDS] = {
  [DESK_CSV_VILLAGES] = N_("Villages and Communities"),
  [DESK_CSV_COMMITTEES] = N_("Mediation committees"),
  [DESK_CSV_MEDIATORS] = N_("Mediators"),
  [DESK_CSV_ADVISERS] = N_("Village legal advisers"),
  [DESK_CSV_ADVISER_ASSIGNMENTS] = N_("Advisers’ villages outside their terms"),
  [DESK_CSV_CONSULTATIONS] = N_("Consultations"),
  [DESK_CSV_MEDIATION_CASES] = N_("Mediation cases"),
  [DESK_CSV_MEDIATION_PARTIES] = N_("Parties to mediation cases"),
  [DESK_CSV_SCREENINGS] = N_("Dispute screenings"),
  [DESK_CSV_LEGAL_AID] = N_("Legal-aid applications"),
  [DESK_CSV_ADVISER_SERVICES] = N_("Advisers’ services"),
};

/* ------------------------------------------------------------------ */
/* The worker                                                          */

typedef struct
{
  char             *db_path;
  GStrv             paths;
  gboolean          dry_run;
  DeskImportReport *report;
  GError           *error;
} Job;

static void
job_free (Job *job)
{
  g_free (job->db_path);
  g_strfreev (job->paths);
  g_clear_pointer (&job->report, desk_import_report_free);
  g_clear_error (&job->error);
  g_free (job);
}

static void
run_job (GTask        *task,
         gpointer      source_object,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(DeskStore) store = NULL;
  DeskImportOptions options = { .dry_run = job->dry_run };

  /* A writer's connection even for the dry run: it checks inside a
   * transaction that it then rolls back. */
  store = desk_store_open (job->db_path, DESK_STORE_OPEN_NO_CREATE, &job->error);
  if (store != NULL)
    desk_import_paths (store, (const char *const *) job->paths, &options, &job->report,
                       &job->error);
  g_task_return_boolean (task, TRUE);
}

static void job_done (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data);

static void
set_state (DeskImportWindow *self,
           State             state)
{
  gboolean was_busy = desk_import_window_get_busy (self);

  self->state = state;
  if (was_busy != desk_import_window_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_actions (DeskImportWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run",
                                 desk_import_window_can_import (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.copy",
                                 self->state == STATE_REPORT && self->report != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel",
                                 self->state != STATE_IMPORTING);
}

static void
start_job (DeskImportWindow *self,
           gboolean          dry_run)
{
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  job->db_path = g_strdup (self->db_path);
  job->paths = g_strdupv (self->paths);
  job->dry_run = dry_run;

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_state (self, dry_run ? STATE_CHECKING : STATE_IMPORTING);

  if (dry_run)
    {
      gtk_label_set_text (self->busy_label, _("Checking the files…"));
      gtk_label_set_text (self->busy_detail,
                          _("Nothing is written to the ledger until you have seen the report "
                            "and pressed “Import”."));
    }
  else
    {
      gtk_label_set_text (self->busy_label, _("Importing…"));
      gtk_label_set_text (self->busy_detail,
                          _("Everything is written in one go, or nothing if anything fails."));
    }
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "busy");
  update_actions (self);

  running_jobs++;
  task = g_task_new (self, self->cancellable, job_done, NULL);
  g_task_set_source_tag (task, start_job);
  /* The result says what happened even after a cancel (see the top). */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_job);
}

/* ------------------------------------------------------------------ */
/* The report                                                          */

static guint
n_problems (const DeskImportReport *report)
{
  return report != NULL ? report->problems->len + report->dropped : 0;
}

static void
count_records (const DeskImportReport *report,
               guint                  *added,
               guint                  *skipped)
{
  *added = *skipped = 0;
  for (guint i = 0; report != NULL && i < report->files->len; i++)
    {
      const DeskImportFile *file = g_ptr_array_index (report->files, i);

      *added += file->added;
      *skipped += file->skipped;
    }
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* "第 3 行，“类型”列": where in the file, for a line of the list. */
static char *
describe_place (const DeskImportProblem *problem)
{
  if (problem->line > 0 && problem->column != NULL)
    return g_strdup_printf (_("line %u, column “%s”"), problem->line, problem->column);
  if (problem->line > 0)
    return g_strdup_printf (_("line %u"), problem->line);
  if (problem->column != NULL)
    return g_strdup_printf (_("column “%s”"), problem->column);
  return g_strdup (_("the whole file"));
}

static GtkWidget *
make_problem_row (const DeskImportProblem *problem)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *place = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *file = g_path_get_basename (problem->file != NULL ? problem->file : "");
  g_autofree char *where = describe_place (problem);
  g_autofree char *whole = NULL;
  GtkWidget *label;

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_widget_set_size_request (place, 220, -1);
  label = make_label (file, "heading");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_tooltip_text (label, problem->file);
  gtk_box_append (GTK_BOX (place), label);
  label = make_label (where, NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (place), label);
  gtk_box_append (GTK_BOX (box), place);

  label = make_label (problem->message, NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), label);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  whole = g_strdup_printf ("%s, %s: %s", file, where, problem->message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, whole,
                                  -1);
  return row;
}

static guint
count_file_problems (const DeskImportReport *report,
                     const DeskImportFile   *file)
{
  guint n = 0;

  for (guint i = 0; i < report->problems->len; i++)
    {
      const DeskImportProblem *problem = g_ptr_array_index (report->problems, i);

      if (g_strcmp0 (problem->file, file->path) == 0)
        n++;
    }
  return n;
}

static GtkWidget *
make_file_row (const DeskImportFile *file,
               guint                 problems)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *counts = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  g_autofree char *name = g_path_get_basename (file->path);
  g_autofree char *subtitle = NULL;
  g_autofree char *added = g_strdup_printf (_("%u to add"), file->added);
  g_autofree char *skipped = g_strdup_printf (_("%u skipped"), file->skipped);
  const char *title = file->kind < DESK_CSV_N_KINDS ? _(kind_titles[file->kind]) : name;
  GtkWidget *label;

  if (file->encoding != NULL)
    subtitle = g_strdup_printf (_("%s · %u rows · %s"), name, file->rows, file->encoding);
  else
    subtitle = g_strdup_printf (_("%s · not read"), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, file->path);

  if (problems > 0)
    {
      g_autofree char *text = g_strdup_printf (_("%u errors"), problems);

      label = make_label (text, "error");
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (counts), label);
    }
  label = make_label (added, file->added > 0 ? "heading" : "dim-label");
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_box_append (GTK_BOX (counts), label);
  label = make_label (skipped, "dim-label");
  gtk_label_set_width_chars (GTK_LABEL (label), 10);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_box_append (GTK_BOX (counts), label);
  gtk_widget_set_valign (counts, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), counts);
  return row;
}

static void
set_banner (DeskImportWindow *self,
            const char       *icon,
            const char       *css_class,
            const char       *heading,
            const char       *body)
{
  gtk_image_set_from_icon_name (self->banner_icon, icon);
  gtk_widget_remove_css_class (GTK_WIDGET (self->banner_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->banner_icon), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->banner_icon), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->banner_icon), css_class);
  gtk_label_set_text (self->banner_heading, heading);
  gtk_label_set_text (self->banner_body, body);
}

static void
show_report (DeskImportWindow *self)
{
  const DeskImportReport *report = self->report;
  guint problems = n_problems (report);
  guint added, skipped;

  clear_list (self->errors_list);
  clear_list (self->files_list);
  count_records (report, &added, &skipped);

  if (problems > 0)
    {
      g_autofree char *heading = g_strdup_printf (_("%u errors must be corrected first"),
                                                  problems);

      set_banner (self, "dialog-warning-symbolic", "error", heading,
                  _("Correct these rows in the spreadsheet, save the files and import them "
                    "again. Nothing has been written to the ledger."));
    }
  else if (g_error_matches (self->error, DESK_IMPORT_ERROR, DESK_IMPORT_ERROR_NOTHING))
    set_banner (self, "dialog-information-symbolic", "dim-label",
                _("There is no file to import"),
                _("Choose CSV files named as the import expects (villages.csv, "
                  "consultations.csv, …), or a folder that holds them."));
  else if (self->error != NULL)
    set_banner (self, "dialog-warning-symbolic", "error",
                _("The files cannot be checked"), self->error->message);
  else if (added == 0 && (report == NULL || report->staff_added->len == 0))
    set_banner (self, "emblem-ok-symbolic", "success", _("Nothing new to import"),
                _("Every record in these files is already in the ledger."));
  else
    {
      g_autofree char *body =
        g_strdup_printf (_("%u records will be added and %u skipped as already in the "
                           "ledger. Nothing is written until you press “Import”."),
                         added, skipped);

      set_banner (self, "emblem-ok-symbolic", "success", _("Ready to import"), body);
    }

  for (guint i = 0; report != NULL && i < report->problems->len; i++)
    gtk_list_box_append (self->errors_list,
                         make_problem_row (g_ptr_array_index (report->problems, i)));
  if (report != NULL && report->dropped > 0)
    {
      g_autofree char *more = g_strdup_printf (_("%u more errors are not listed: correct the "
                                                 "ones above, then check the files again."),
                                               report->dropped);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_list_box_append (self->errors_list, row);
    }
  gtk_widget_set_visible (self->errors_group, problems > 0);

  for (guint i = 0; report != NULL && i < report->files->len; i++)
    {
      const DeskImportFile *file = g_ptr_array_index (report->files, i);

      gtk_list_box_append (self->files_list,
                           make_file_row (file, count_file_problems (report, file)));
    }
  gtk_widget_set_visible (self->files_group, report != NULL && report->files->len > 0);

  if (report != NULL && report->staff_added->len > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < report->staff_added->len; i++)
        g_string_append_printf (names, "%s%s", i > 0 ? "、" : "",
                                (const char *) g_ptr_array_index (report->staff_added, i));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->staff_row), names->str);
    }
  gtk_widget_set_visible (self->staff_group,
                          report != NULL && report->staff_added->len > 0);

  gtk_spinner_stop (self->spinner);
  set_state (self, STATE_REPORT);
  gtk_stack_set_visible_child_name (self->stack, "report");
  update_actions (self);
  /* The next step, for the keyboard: Enter imports what was just read;
   * with errors, Escape closes. */
  if (desk_import_window_can_import (self))
    gtk_widget_grab_focus (self->import_button);
  else
    gtk_widget_grab_focus (self->cancel_button);
}

static void
job_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  DeskImportWindow *self = DESK_IMPORT_WINDOW (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  gboolean cancelled = g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result)));

  running_jobs--;
  if (job->dry_run && (cancelled || self->disposed))
    return;

  if (!job->dry_run && job->report != NULL && job->report->written)
    {
      set_state (self, STATE_DONE);
      g_signal_emit (self, signals[IMPORTED], 0, job->report);
      if (!self->disposed)
        gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (self->disposed)
    return;

  /* The dry run's report, or the real import's when the ledger changed
   * in between and it found errors after all. */
  g_clear_pointer (&self->report, desk_import_report_free);
  g_clear_error (&self->error);
  self->report = g_steal_pointer (&job->report);
  if (job->error != NULL && !g_error_matches (job->error, DESK_IMPORT_ERROR,
                                              DESK_IMPORT_ERROR_ROWS))
    self->error = g_steal_pointer (&job->error);
  show_report (self);
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

static void
run_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DeskImportWindow *self = DESK_IMPORT_WINDOW (widget);

  if (!desk_import_window_can_import (self))
    return;
  start_job (self, FALSE);
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
copy_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DeskImportWindow *self = DESK_IMPORT_WINDOW (widget);
  g_autofree char *text = NULL;

  if (self->report == NULL)
    return;
  text = desk_import_report_format (self->report);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("The report was copied.")));
}

/* Closing while the worker checks drops the check; while it imports, the
 * window stays until the import is in (see the top). */
static gboolean
desk_import_window_close_request (GtkWindow *window)
{
  DeskImportWindow *self = DESK_IMPORT_WINDOW (window);

  if (self->state == STATE_IMPORTING)
    return TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (desk_import_window_parent_class)->close_request (window);
}

static void
desk_import_window_dispose (GObject *object)
{
  DeskImportWindow *self = DESK_IMPORT_WINDOW (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_IMPORT_WINDOW);
  G_OBJECT_CLASS (desk_import_window_parent_class)->dispose (object);
}

static void
desk_import_window_finalize (GObject *object)
{
  DeskImportWindow *self = DESK_IMPORT_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->report, desk_import_report_free);
  g_clear_error (&self->error);
  g_free (self->db_path);
  g_strfreev (self->paths);
  G_OBJECT_CLASS (desk_import_window_parent_class)->finalize (object);
}

static void
desk_import_window_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DeskImportWindow *self = DESK_IMPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, desk_import_window_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_import_window_class_init (DeskImportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = desk_import_window_dispose;
  object_class->finalize = desk_import_window_finalize;
  object_class->get_property = desk_import_window_get_property;
  window_class->close_request = desk_import_window_close_request;

  /**
   * DeskImportWindow:busy:
   *
   * Whether the worker is checking or importing.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DeskImportWindow::imported:
   * @report: (type gpointer): the import's #DeskImportReport
   *
   * The files were imported and committed.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/desk-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskImportWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, DeskImportWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DeskImportWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, DeskImportWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, DeskImportWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DeskImportWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, DeskImportWindow, busy_label);
  gtk_widget_class_bind_template_child (widget_class, DeskImportWindow, busy_detail);
  gtk_widget_class_bind_template_child (widget_class, DeskImportWindow, banner_icon);
  gtk_widget_class_bind_template_child (widget_class, DeskImportWindow, banner_heading);
  gtk_widget_class_bind_template_child (widget_class, DeskImportWindow, banner_body);
  gtk_widget_class_bind_template_child (widget_class, DeskImportWindow, errors_group);
  gtk_widget_class_bind_template_child (widget_class, DeskImportWindow, errors_list);
  gtk_widget_class_bind_template_child (widget_class, DeskImportWindow, files_group);
  gtk_widget_class_bind_template_child (widget_class, DeskImportWindow, files_list);
  gtk_widget_class_bind_template_child (widget_class, DeskImportWindow, staff_group);
  gtk_widget_class_bind_template_child (widget_class, DeskImportWindow, staff_row);

  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_activated);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "import.copy", NULL, copy_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "import.run", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "import.copy", NULL);
}

static void
desk_import_window_init (DeskImportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * desk_import_window_new:
 * @parent: the main window
 * @db_path: the ledger file; the worker opens its own connection to it
 * @paths: the CSV files, or folders holding them
 *
 * Makes the window and starts the dry run.
 *
 * Returns: (transfer none): the window, not yet shown
 */
DeskImportWindow *
desk_import_window_new (GtkWindow         *parent,
                        const char        *db_path,
                        const char *const *paths)
{
  DeskImportWindow *self;
  guint n;

  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  self = g_object_new (DESK_TYPE_IMPORT_WINDOW, "transient-for", parent, NULL);
  self->db_path = g_strdup (db_path);
  self->paths = g_strdupv ((char **) paths);

  n = g_strv_length (self->paths);
  if (n == 1)
    {
      g_autofree char *name = g_path_get_basename (self->paths[0]);

      adw_window_title_set_subtitle (self->window_title, name);
    }
  else
    {
      g_autofree char *subtitle = g_strdup_printf (_("%u files"), n);

      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
  start_job (self, TRUE);
  return self;
}

gboolean
desk_import_window_get_busy (DeskImportWindow *self)
{
  g_return_val_if_fail (DESK_IS_IMPORT_WINDOW (self), FALSE);
  return self->state == STATE_CHECKING || self->state == STATE_IMPORTING;
}

/**
 * desk_import_window_can_import:
 *
 * Returns: whether "Import" is offered: the check is done, found no error,
 *   and there is something to add.
 */
gboolean
desk_import_window_can_import (DeskImportWindow *self)
{
  guint added, skipped;

  g_return_val_if_fail (DESK_IS_IMPORT_WINDOW (self), FALSE);

  if (self->state != STATE_REPORT || self->report == NULL || self->error != NULL ||
      n_problems (self->report) > 0 || self->report->files->len == 0)
    return FALSE;
  count_records (self->report, &added, &skipped);
  return added > 0 || self->report->staff_added->len > 0;
}

/**
 * desk_import_window_get_report:
 *
 * Returns: (transfer none) (nullable): the report shown, once the check is
 *   done
 */
const DeskImportReport *
desk_import_window_get_report (DeskImportWindow *self)
{
  g_return_val_if_fail (DESK_IS_IMPORT_WINDOW (self), NULL);
  return self->report;
}

/**
 * desk_import_window_jobs_running:
 *
 * Returns: whether a worker of an import window (perhaps closed already,
 *   finishing a check nobody waits for) still has the ledger open
 */
gboolean
desk_import_window_jobs_running (void)
{
  return running_jobs > 0;
}
