/* desk-data-io.c — the 数据 section of the window's menu: moving a ledger in
 * and out.
 *
 * Import (Ctrl+I) picks CSV files or a folder and opens the import report
 * window (desk-import-window.c), which checks before anything is written.
 * Export as CSV, backup and check run on a worker with a connection of
 * their own, read-only, while a small window with a spinner says what is
 * under way (export and check can be cancelled: their SQL is interrupted,
 * which is safe as they only read; a backup is a plain copy and is left to
 * finish).  The results come as toasts; failures and the check's findings
 * as dialogs.  Restore first opens the chosen file on a worker to see that
 * it is a ledger this program can read, so that a wrong file is refused
 * while the current ledger stays open; only then does the window close its
 * ledger, the worker restore (the core keeps the previous file aside), and
 * the window open the ledger again.  One operation runs at a time.
 *
 * Each action has a twin that takes the path directly (import-paths,
 * export-csv-to, backup-to, restore-from): the choosers hand their answer
 * there, and tests use them without a file chooser.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "desk-data-io.h"
#include "desk-date.h"
#include "desk-export-csv.h"
#include "desk-import-window.h"

typedef enum
{
  OP_EXPORT,
  OP_BACKUP,
  OP_CHECK,
  OP_RESTORE_CHECK,
  OP_RESTORE,
} Op;

struct _DeskDataIo
{
  GObject          parent_instance;

  DeskWindow      *window;         /* owns this; NULL once detached */
  GCancellable    *cancellable;    /* of the operation running */
  gboolean         busy;
  GtkNativeDialog *chooser;        /* while shown */
  GtkWindow       *progress;       /* while the worker runs */
  guint            progress_timeout;
};

G_DEFINE_FINAL_TYPE (DeskDataIo, desk_data_io, G_TYPE_OBJECT)

/* Work shorter than this shows no progress window. */
#define PROGRESS_DELAY_MS 400

static void hide_busy (DeskDataIo *self);

typedef struct
{
  const char *name;
  const char *parameter_type;
  gboolean    without_ledger;   /* also when the ledger cannot be opened */
} ActionInfo;

static const ActionInfo actions[] = {
  { "win.import", NULL, FALSE },
  { "win.import-folder", NULL, FALSE },
  { "win.import-paths", "as", FALSE },
  { "win.export-csv", NULL, FALSE },
  { "win.export-csv-to", "s", FALSE },
  { "win.backup", NULL, FALSE },
  { "win.backup-to", "s", FALSE },
  { "win.restore", NULL, TRUE },
  { "win.restore-from", "s", TRUE },
  { "win.check", NULL, FALSE },
};

/* ------------------------------------------------------------------ */
/* Feedback                                                            */

/* Toast titles are markup; paths and messages are not. */
static void
show_toast (DeskDataIo *self,
            const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  desk_window_add_toast (self->window, adw_toast_new (escaped));
}

static AdwMessageDialog *
message_dialog (DeskDataIo *self,
                const char *heading,
                const char *body)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self->window), heading,
                                                       body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  return dialog;
}

static void
show_failure (DeskDataIo   *self,
              const char   *heading,
              const GError *error)
{
  gtk_window_present (GTK_WINDOW (message_dialog (self, heading, error->message)));
}

static void
cancel_activated (DeskDataIo *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* The progress window stays until the worker is done: closing it asks to
 * cancel when that is possible, and is otherwise refused. */
static gboolean
progress_close_request (GtkWindow  *window,
                        DeskDataIo *self)
{
  GtkWidget *button = g_object_get_data (G_OBJECT (window), "desk-cancel");

  if (button != NULL && gtk_widget_get_sensitive (button))
    gtk_widget_activate (button);
  return TRUE;
}

static gboolean
escape_pressed (GtkWidget *widget,
                GVariant  *args,
                gpointer   data)
{
  progress_close_request (GTK_WINDOW (widget), NULL);
  return TRUE;
}

static void
cancel_clicked (GtkButton  *button,
                DeskDataIo *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  gtk_button_set_label (button, _("Cancelling…"));
  cancel_activated (self);
}

static gboolean
show_progress (gpointer data)
{
  DeskDataIo *self = data;

  self->progress_timeout = 0;
  if (self->progress != NULL)
    gtk_window_present (self->progress);
  return G_SOURCE_REMOVE;
}

/* A small modal window with a spinner while the worker runs: nothing else
 * can be done with the ledger meanwhile (during a restore it is closed).
 * It shows only when the work takes long enough to be seen, so that a
 * quick check does not flash a window. */
static void
show_busy (DeskDataIo *self,
           const char *text,
           gboolean    cancellable)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *label = gtk_label_new (text);
  GtkEventController *keys;

  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self->window));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_resizable (GTK_WINDOW (window), FALSE);
  gtk_window_set_deletable (GTK_WINDOW (window), FALSE);
  gtk_window_set_title (GTK_WINDOW (window), text);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, -1);

  gtk_widget_set_margin_top (box, 30);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 30);
  gtk_widget_set_margin_end (box, 30);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_box_append (GTK_BOX (box), spinner);
  gtk_widget_add_css_class (label, "title-4");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (cancellable)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Cancel"));

      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "pill");
      g_signal_connect_object (button, "clicked", G_CALLBACK (cancel_clicked), self, 0);
      gtk_box_append (GTK_BOX (box), button);
      g_object_set_data (G_OBJECT (window), "desk-cancel", button);
    }
  adw_window_set_content (ADW_WINDOW (window), box);
  g_signal_connect_object (window, "close-request", G_CALLBACK (progress_close_request), self,
                           0);
  /* Escape as the close button would do, which the window does not show. */
  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape,
                                                                                  0),
                                                          gtk_callback_action_new (escape_pressed,
                                                                                   NULL, NULL)));
  gtk_widget_add_controller (window, keys);

  hide_busy (self);
  self->progress = GTK_WINDOW (window);
  self->progress_timeout = g_timeout_add (PROGRESS_DELAY_MS, show_progress, self);
}

static void
hide_busy (DeskDataIo *self)
{
  g_clear_handle_id (&self->progress_timeout, g_source_remove);
  if (self->progress != NULL)
    gtk_window_destroy (self->progress);
  self->progress = NULL;
}

static void
set_busy (DeskDataIo *self,
          gboolean    busy)
{
  self->busy = busy;
  if (!busy)
    hide_busy (self);
  desk_data_io_update_actions (self);
}

/* ------------------------------------------------------------------ */
/* The worker                                                          */

typedef struct
{
  Op          op;
  char       *db_path;
  char       *target;     /* the folder, the backup written or the one read */
  GPtrArray  *problems;   /* check */
  gint64      records;    /* check */
  char       *aside;      /* restore: where the previous ledger is */
  GError     *error;
} Job;

static void
job_free (Job *job)
{
  g_free (job->db_path);
  g_free (job->target);
  g_clear_pointer (&job->problems, g_ptr_array_unref);
  g_free (job->aside);
  g_clear_error (&job->error);
  g_free (job);
}

/* SQLite's progress handler: a non-zero return interrupts the statement. */
static int
interrupt_when_cancelled (void *data)
{
  return g_cancellable_is_cancelled (G_CANCELLABLE (data));
}

static void
run_job (GTask        *task,
         gpointer      source_object,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GError) local = NULL;

  switch (job->op)
    {
    case OP_EXPORT:
    case OP_BACKUP:
    case OP_CHECK:
      store = desk_store_open (job->db_path, DESK_STORE_OPEN_READONLY, &job->error);
      if (store == NULL)
        break;
      sqlite3_progress_handler (desk_store_get_db (store), 1000, interrupt_when_cancelled,
                                cancellable);
      if (job->op == OP_EXPORT)
        desk_export_csv (store, job->target, &job->error);
      else if (job->op == OP_BACKUP)
        desk_store_backup (store, job->target, &job->error);
      else if (desk_store_check (store, job->problems, &job->error))
        job->records = desk_store_count_records (store);
      sqlite3_progress_handler (desk_store_get_db (store), 0, NULL, NULL);
      break;

    case OP_RESTORE_CHECK:
      /* What desk_store_restore() checks first, with its words, before the
       * window lets go of its ledger. */
      store = desk_store_open (job->target, DESK_STORE_OPEN_READONLY, &local);
      if (store == NULL)
        g_set_error (&job->error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT,
                     _("“%s” cannot be restored: %s"), job->target, local->message);
      break;

    case OP_RESTORE:
      desk_store_restore (job->target, job->db_path, &job->aside, &job->error);
      break;
    }
  g_task_return_boolean (task, TRUE);
}

static void job_done (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data);

static void
start_job (DeskDataIo *self,
           Op          op,
           const char *target)
{
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);
  DeskStore *store = desk_window_get_store (self->window);

  job->op = op;
  job->db_path = g_strdup (store != NULL ? desk_store_get_path (store)
                                         : desk_window_get_path (self->window));
  job->target = g_strdup (target);
  if (op == OP_CHECK)
    job->problems = g_ptr_array_new_with_free_func (g_free);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);

  task = g_task_new (self, self->cancellable, job_done, NULL);
  g_task_set_source_tag (task, start_job);
  /* A backup or restore that finished is reported as done, cancelled or
   * not: the callback decides from what happened. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_job);
}

/* ------------------------------------------------------------------ */
/* Import                                                              */

static void
imported (DeskDataIo             *self,
          const DeskImportReport *report)
{
  guint added = 0, skipped = 0;
  g_autofree char *text = NULL;

  if (self->window == NULL)
    return;
  for (guint i = 0; i < report->files->len; i++)
    {
      const DeskImportFile *file = g_ptr_array_index (report->files, i);

      added += file->added;
      skipped += file->skipped;
    }
  text = g_strdup_printf (_("Imported: %u records added, %u skipped as already there."),
                          added, skipped);
  show_toast (self, text);
  desk_window_reload (self->window);
}

static void
import_paths (DeskDataIo         *self,
              const char *const  *paths)
{
  DeskStore *store = desk_window_get_store (self->window);
  DeskImportWindow *window;

  if (store == NULL || paths == NULL || paths[0] == NULL)
    return;
  window = desk_import_window_new (GTK_WINDOW (self->window), desk_store_get_path (store),
                                   paths);
  g_signal_connect_object (window, "imported", G_CALLBACK (imported), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

/* ------------------------------------------------------------------ */
/* Export, backup, check, restore                                      */

static void
export_to (DeskDataIo *self,
           const char *dir)
{
  show_busy (self, _("Exporting as CSV…"), TRUE);
  start_job (self, OP_EXPORT, dir);
}

static void
replace_response (AdwMessageDialog *dialog,
                  const char       *response,
                  DeskDataIo       *self)
{
  const char *dir = g_object_get_data (G_OBJECT (dialog), "desk-folder");

  if (g_strcmp0 (response, "replace") == 0 && self->window != NULL && !self->busy)
    export_to (self, dir);
}

/* The folder may be the one the ledgers were imported from: ask before
 * writing over the clerk's own files. */
static void
export_csv_to (DeskDataIo *self,
               const char *dir)
{
  const char *existing = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  for (DeskCsvKind kind = 0; kind < DESK_CSV_N_KINDS && existing == NULL; kind++)
    {
      g_autofree char *path = g_build_filename (dir, desk_csv_kind_file_name (kind), NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        existing = desk_csv_kind_file_name (kind);
    }
  if (existing == NULL)
    {
      export_to (self, dir);
      return;
    }

  body = g_strdup_printf (_("The folder “%s” already holds ledger files such as %s. The export "
                            "replaces them with what the ledger holds now."), dir, existing);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self->window),
                                                       _("Replace the CSV Files?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "desk-folder", g_strdup (dir), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (replace_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Whether @a and @b name the same file (the second one may not exist). */
static gboolean
same_file (const char *a,
           const char *b)
{
  g_autofree char *ca = g_canonicalize_filename (a, NULL);
  g_autofree char *cb = g_canonicalize_filename (b, NULL);
  GStatBuf sa, sb;

  if (g_strcmp0 (ca, cb) == 0)
    return TRUE;
  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* The ledger's own files: the database and SQLite's files beside it. */
static gboolean
is_ledger_file (DeskDataIo *self,
                const char *path)
{
  const char *ledger = desk_window_get_path (self->window);
  g_autofree char *wal = g_strconcat (ledger, "-wal", NULL);
  g_autofree char *shm = g_strconcat (ledger, "-shm", NULL);

  return same_file (path, ledger) || same_file (path, wal) || same_file (path, shm);
}

static void
backup_to (DeskDataIo *self,
           const char *path)
{
  if (is_ledger_file (self, path))
    {
      gtk_window_present (GTK_WINDOW (message_dialog (self, _("Back Up Elsewhere"),
                                                      _("This is the ledger itself. Choose "
                                                        "another file for the backup, "
                                                        "best on another disk."))));
      return;
    }
  show_busy (self, _("Backing up…"), FALSE);
  start_job (self, OP_BACKUP, path);
}

static void
check_ledger (DeskDataIo *self)
{
  show_busy (self, _("Checking the ledger…"), TRUE);
  start_job (self, OP_CHECK, NULL);
}

static void
restore_response (AdwMessageDialog *dialog,
                  const char       *response,
                  DeskDataIo       *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "desk-backup");

  if (g_strcmp0 (response, "restore") != 0 || self->window == NULL || self->busy)
    return;
  if (desk_import_window_jobs_running ())
    {
      gtk_window_present (GTK_WINDOW (message_dialog (self, _("Wait a Moment"),
                                                      _("A check of import files is still "
                                                        "finishing. Restore the backup again "
                                                        "in a moment."))));
      return;
    }
  show_busy (self, _("Restoring the backup…"), FALSE);
  start_job (self, OP_RESTORE_CHECK, path);
}

static void
restore_from (DeskDataIo *self,
              const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (is_ledger_file (self, path))
    {
      gtk_window_present (GTK_WINDOW (message_dialog (self, _("Not a Backup"),
                                                      _("This is the ledger itself, not a "
                                                        "backup of it."))));
      return;
    }

  body = g_strdup_printf (_("The ledger will be replaced by the backup “%s”. The current "
                            "ledger is not deleted: it is kept aside in its folder under a new "
                            "name, so that it can be brought back."), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self->window),
                                                       _("Restore the Backup?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "desk-backup", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
check_response (AdwMessageDialog *dialog,
                const char       *response,
                DeskDataIo       *self)
{
  if (g_strcmp0 (response, "restore") == 0 && self->window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->window), "win.restore", NULL);
}

static void
show_check (DeskDataIo *self,
            Job        *job)
{
  AdwMessageDialog *dialog;

  if (job->problems->len == 0)
    {
      g_autofree char *body =
        g_strdup_printf (_("%lld records were checked; no problem was found."),
                         (long long) job->records);

      dialog = message_dialog (self, _("The Ledger Is Sound"), body);
    }
  else
    {
      g_autofree char *heading = g_strdup_printf (_("The Check Found %u Problems"),
                                                  job->problems->len);
      g_autoptr(GString) text = g_string_new (NULL);
      GtkWidget *scroll = gtk_scrolled_window_new ();
      GtkWidget *label;

      for (guint i = 0; i < job->problems->len; i++)
        g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "",
                                (const char *) g_ptr_array_index (job->problems, i));
      label = gtk_label_new (text->str);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_yalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_name (label, "check-problems");
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroll), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroll), 240);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), label);

      dialog = message_dialog (self, heading,
                               _("Back up the ledger as it is now, then restore the last backup "
                                 "made before these problems appeared; or give this list to "
                                 "whoever looks after the program."));
      adw_message_dialog_set_extra_child (dialog, scroll);
      adw_message_dialog_add_response (dialog, "restore", _("_Restore a Backup…"));
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (check_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
job_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  DeskDataIo *self = DESK_DATA_IO (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  gboolean cancelled = g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result)));
  g_autofree char *text = NULL;

  if (self->window == NULL)
    return;
  /* A restore goes on from its check with the same toast. */
  if (job->op != OP_RESTORE_CHECK || job->error != NULL)
    set_busy (self, FALSE);

  switch (job->op)
    {
    case OP_EXPORT:
      if (cancelled)
        show_toast (self, _("Export cancelled; the folder may hold some of the files."));
      else if (job->error != NULL)
        show_failure (self, _("The Export Failed"), job->error);
      else
        {
          text = g_strdup_printf (_("Exported as CSV files into “%s”."), job->target);
          show_toast (self, text);
        }
      break;

    case OP_BACKUP:
      if (job->error != NULL)
        show_failure (self, _("The Backup Failed"), job->error);
      else
        {
          text = g_strdup_printf (_("Backed up to “%s”."), job->target);
          show_toast (self, text);
        }
      break;

    case OP_CHECK:
      if (cancelled)
        show_toast (self, _("Check cancelled."));
      else if (job->error != NULL)
        show_failure (self, _("The Check Could Not Run"), job->error);
      else
        show_check (self, job);
      break;

    case OP_RESTORE_CHECK:
      if (job->error != NULL)
        {
          show_failure (self, _("The Backup Cannot Be Restored"), job->error);
          break;
        }
      /* The file is a ledger: let go of the current one and restore. */
      if (desk_window_get_store (self->window) != NULL)
        desk_window_close_ledger (self->window);
      start_job (self, OP_RESTORE, job->target);
      break;

    case OP_RESTORE:
      /* Restored or not, the window works on its file again; a refused
       * restore left it as it was. */
      desk_window_reopen_ledger (self->window);
      if (job->error != NULL)
        show_failure (self, _("The Backup Cannot Be Restored"), job->error);
      else
        {
          if (job->aside != NULL)
            text = g_strdup_printf (_("Backup restored. The previous ledger was kept as “%s”."),
                                    job->aside);
          show_toast (self, text != NULL ? text : _("Backup restored."));
        }
      break;
    }
}

/* ------------------------------------------------------------------ */
/* File choosers                                                       */

static GtkFileFilter *
make_filter (const char *name,
             const char *pattern,
             const char *mime_type)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  return filter;
}

static GStrv
chosen_paths (GtkFileChooser *chooser)
{
  g_autoptr(GListModel) files = gtk_file_chooser_get_files (chooser);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        g_strv_builder_add (builder, path);
    }
  return g_strv_builder_end (builder);
}

static void
chooser_response (GtkNativeDialog *chooser,
                  int              response,
                  DeskDataIo      *self)
{
  const char *action = g_object_get_data (G_OBJECT (chooser), "desk-action");
  g_auto(GStrv) paths = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->window != NULL)
    paths = chosen_paths (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);

  if (paths == NULL || paths[0] == NULL)
    return;
  if (g_str_equal (action, "win.import-paths"))
    gtk_widget_activate_action_variant (GTK_WIDGET (self->window), action,
                                        g_variant_new_strv ((const char *const *) paths, -1));
  else
    gtk_widget_activate_action (GTK_WIDGET (self->window), action, "s", paths[0]);
}

static void
choose (DeskDataIo           *self,
        const char           *title,
        GtkFileChooserAction  mode,
        const char           *accept,
        const char           *then)
{
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self->window), mode, accept,
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "desk-action", g_strdup (then), g_free);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response), self, 0);
}

static void
choose_import (DeskDataIo *self,
               gboolean    folder)
{
  GtkFileChooser *chooser;

  if (folder)
    {
      choose (self, _("Import the Ledgers in a Folder"), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
              _("_Check"), "win.import-paths");
      chooser = GTK_FILE_CHOOSER (self->chooser);
    }
  else
    {
      choose (self, _("Import Ledgers"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Check"),
              "win.import-paths");
      chooser = GTK_FILE_CHOOSER (self->chooser);
      gtk_file_chooser_set_select_multiple (chooser, TRUE);
      gtk_file_chooser_add_filter (chooser, make_filter (_("CSV files"), "*.csv", "text/csv"));
    }
  gtk_native_dialog_show (self->chooser);
}

static void
choose_export (DeskDataIo *self)
{
  choose (self, _("Export as CSV into a Folder"), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
          _("_Export"), "win.export-csv-to");
  gtk_native_dialog_show (self->chooser);
}

static void
choose_backup (DeskDataIo *self)
{
  g_autofree char *today = desk_today ();
  g_auto(GStrv) parts = g_strsplit (today, "-", -1);
  g_autofree char *stamp = g_strjoinv ("", parts);
  g_autofree char *name = g_strdup_printf (_("ledger-backup-%s.db"), stamp);
  GtkFileChooser *chooser;

  choose (self, _("Back Up the Ledger"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Back Up"),
          "win.backup-to");
  chooser = GTK_FILE_CHOOSER (self->chooser);
  gtk_file_chooser_set_current_name (chooser, name);
  gtk_file_chooser_add_filter (chooser, make_filter (_("Ledger files"), "*.db", NULL));
  gtk_native_dialog_show (self->chooser);
}

static void
choose_restore (DeskDataIo *self)
{
  GtkFileChooser *chooser;

  choose (self, _("Restore a Backup"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
          "win.restore-from");
  chooser = GTK_FILE_CHOOSER (self->chooser);
  gtk_file_chooser_add_filter (chooser, make_filter (_("Ledger files"), "*.db", NULL));
  gtk_file_chooser_add_filter (chooser, make_filter (_("All files"), "*", NULL));
  gtk_native_dialog_show (self->chooser);
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

/**
 * desk_data_io_install_actions:
 * @activate: the window's function that hands an activation to
 *   desk_data_io_activate()
 *
 * Installs the window actions of the 数据 menu and their shortcuts.
 */
void
desk_data_io_install_actions (GtkWidgetClass              *widget_class,
                              GtkWidgetActionActivateFunc  activate)
{
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i].name, actions[i].parameter_type,
                                     activate);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.import", NULL);
}

void
desk_data_io_activate (DeskDataIo *self,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_return_if_fail (DESK_IS_DATA_IO (self));

  if (self->window == NULL || self->busy)
    return;

  if (g_str_equal (action_name, "win.import"))
    choose_import (self, FALSE);
  else if (g_str_equal (action_name, "win.import-folder"))
    choose_import (self, TRUE);
  else if (g_str_equal (action_name, "win.import-paths"))
    {
      g_autofree const char **paths = g_variant_get_strv (parameter, NULL);

      import_paths (self, paths);
    }
  else if (g_str_equal (action_name, "win.export-csv"))
    choose_export (self);
  else if (g_str_equal (action_name, "win.export-csv-to"))
    export_csv_to (self, g_variant_get_string (parameter, NULL));
  else if (g_str_equal (action_name, "win.backup"))
    choose_backup (self);
  else if (g_str_equal (action_name, "win.backup-to"))
    backup_to (self, g_variant_get_string (parameter, NULL));
  else if (g_str_equal (action_name, "win.restore"))
    choose_restore (self);
  else if (g_str_equal (action_name, "win.restore-from"))
    restore_from (self, g_variant_get_string (parameter, NULL));
  else if (g_str_equal (action_name, "win.check"))
    check_ledger (self);
}

/**
 * desk_data_io_update_actions:
 *
 * Enables the actions that make sense now: with the ledger open and no
 * other operation running; restoring also when the ledger cannot be
 * opened (the way out of a damaged file).
 */
void
desk_data_io_update_actions (DeskDataIo *self)
{
  gboolean open, error_mode;

  g_return_if_fail (DESK_IS_DATA_IO (self));

  if (self->window == NULL)
    return;
  open = desk_window_get_store (self->window) != NULL;
  error_mode = g_strcmp0 (desk_window_get_mode (self->window), "error") == 0;
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self->window), actions[i].name,
                                   !self->busy &&
                                   (open || (actions[i].without_ledger && error_mode)));
}

gboolean
desk_data_io_get_busy (DeskDataIo *self)
{
  g_return_val_if_fail (DESK_IS_DATA_IO (self), FALSE);
  return self->busy;
}

/**
 * desk_data_io_detach:
 *
 * The window is going: cancels what runs and forgets the window, so that a
 * worker that finishes later touches nothing.
 */
void
desk_data_io_detach (DeskDataIo *self)
{
  g_return_if_fail (DESK_IS_DATA_IO (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  hide_busy (self);
  self->window = NULL;
}

static void
desk_data_io_finalize (GObject *object)
{
  DeskDataIo *self = DESK_DATA_IO (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->chooser);
  G_OBJECT_CLASS (desk_data_io_parent_class)->finalize (object);
}

static void
desk_data_io_class_init (DeskDataIoClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = desk_data_io_finalize;
}

static void
desk_data_io_init (DeskDataIo *self)
{
}

/**
 * desk_data_io_new:
 * @window: the window whose ledger this moves in and out; it owns the
 *   result and calls desk_data_io_detach() when it goes
 */
DeskDataIo *
desk_data_io_new (DeskWindow *window)
{
  DeskDataIo *self = g_object_new (DESK_TYPE_DATA_IO, NULL);

  self->window = window;
  return self;
}
