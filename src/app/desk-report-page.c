/* desk-report-page.c — the 统计月报 page.
 *
 * Shows one month's statistical forms as the workbook will hold them, with
 * the checks before export above them.  The figures are computed in a
 * worker with its own read-only connection; stepping to another month
 * cancels a computation under way (the worker's SQLite statement is
 * interrupted).  A figure lists the records behind it in a popover, and a
 * record listed there or under a check emits "open-record" for the window
 * to open it.  Export and the report history live in
 * desk-report-page-export.c.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "desk-date.h"
#include "desk-report-page-private.h"

G_DEFINE_FINAL_TYPE (DeskReportPage, desk_report_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_RECORD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A popover lists at most this many records; the CLI's `explain` lists
 * them all. */
#define MAX_LISTED 500

/* Spinner and dimming wait this long, so that a quick month step does not
 * flicker. */
#define BUSY_DELAY_MS 150

typedef struct
{
  char   *kind;
  gint64  id;
} RecordKey;

static void
record_key_free (RecordKey *key)
{
  g_free (key->kind);
  g_free (key);
}

/**
 * desk_record_kind_title:
 *
 * Returns: the kind of a record (a DeskRecordRef's kind) in words.
 */
const char *
desk_record_kind_title (const char *kind)
{
  static const struct
  {
    const char *kind;
    const char *title;
  } kinds[] = {
    { "consultation", N_("Consultation") },
    { "mediation_case", N_("Mediation case") },
    { "screening", N_("Screening record") },
    { "legal_aid", N_("Legal-aid application") },
    { "adviser_service", N_("Adviser service") },
    { "adviser", N_("Legal adviser") },
    { "village", N_("Village or community") },
    { "committee", N_("Mediation committee") },
    { "mediator", N_("Mediator") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].kind, kind) == 0)
      return _(kinds[i].title);
  return kind;
}

static char *
record_label_key (const char *kind,
                  gint64      id)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind, id);
}

/* ---- the loading worker ------------------------------------------------ */

typedef struct
{
  char *path;
  int   year;
  int   month;
} LoadData;

typedef struct
{
  DeskReport *report;
  GPtrArray  *warnings;
  char       *blocked;
  GPtrArray  *exports;
  GPtrArray  *changes;
} LoadResult;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_free (data);
}

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->report, desk_report_free);
  g_clear_pointer (&result->warnings, g_ptr_array_unref);
  g_clear_pointer (&result->exports, g_ptr_array_unref);
  g_clear_pointer (&result->changes, g_ptr_array_unref);
  g_free (result->blocked);
  g_free (result);
}

static void
interrupt_statement (GCancellable *cancellable,
                     sqlite3      *db)
{
  sqlite3_interrupt (db);
}

/* Opens a read-only connection of the worker's own, whose statements stop
 * when @cancellable is cancelled; *@handler for disconnecting. */
static DeskStore *
open_worker_store (const char    *path,
                   GCancellable  *cancellable,
                   gulong        *handler,
                   GError       **error)
{
  DeskStore *store = desk_store_open (path, DESK_STORE_OPEN_READONLY, error);

  *handler = 0;
  if (store != NULL && cancellable != NULL)
    *handler = g_cancellable_connect (cancellable, G_CALLBACK (interrupt_statement),
                                      desk_store_get_db (store), NULL);
  return store;
}

static void
close_worker_store (DeskStore    *store,
                    GCancellable *cancellable,
                    gulong        handler)
{
  if (handler != 0)
    g_cancellable_disconnect (cancellable, handler);
  g_object_unref (store);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;
  LoadResult *result = g_new0 (LoadResult, 1);
  DeskStore *store;
  gulong handler;

  store = open_worker_store (data->path, cancellable, &handler, &error);
  if (store == NULL)
    goto failed;

  result->report = desk_figures_compute (store, data->year, data->month, &error);
  if (result->report != NULL)
    result->warnings = desk_figures_check (store, data->year, data->month, &error);
  if (result->warnings != NULL)
    {
      g_autoptr(GError) blocked = NULL;

      if (!desk_figures_can_export (store, &blocked))
        result->blocked = g_strdup (blocked->message);
      desk_report_page_load_history (store, result->report, &result->exports,
                                     &result->changes, &error);
    }
  close_worker_store (store, cancellable, handler);
  if (error == NULL)
    {
      g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
      return;
    }

failed:
  load_result_free (result);
  if (g_cancellable_is_cancelled (cancellable))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
set_busy (DeskReportPage *self,
          gboolean        busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  desk_report_page_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static gboolean
busy_timeout (gpointer user_data)
{
  DeskReportPage *self = user_data;

  self->busy_timeout_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);
  /* the figures in view are the previous month's until the new ones come */
  gtk_widget_set_sensitive (GTK_WIDGET (self->sheets), FALSE);
  return G_SOURCE_REMOVE;
}

static void
stop_busy (DeskReportPage *self)
{
  g_clear_handle_id (&self->busy_timeout_id, g_source_remove);
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sheets), TRUE);
  set_busy (self, FALSE);
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

/* Whether @name ("win.preferences") can be activated from @widget. */
static gboolean
action_exists (GtkWidget  *widget,
               const char *name)
{
  const char *dot = strchr (name, '.');
  GtkRoot *root = gtk_widget_get_root (widget);

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      const GVariantType *parameter_type;
      const char *action, *property;
      GType owner;

      /* GTK 4.8 fills in every out argument: none may be NULL */
      for (guint i = 0;
           gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (w), i, &owner, &action,
                                          &parameter_type, &property);
           i++)
        if (g_strcmp0 (action, name) == 0)
          return TRUE;
    }
  /* a GAction of the window itself */
  return dot != NULL && g_str_has_prefix (name, "win.") && G_IS_ACTION_MAP (root) &&
         g_action_map_lookup_action (G_ACTION_MAP (root), dot + 1) != NULL;
}

static void
show_blocked (DeskReportPage *self)
{
  gtk_widget_set_visible (self->blocked_bar, self->blocked != NULL);
  if (self->blocked == NULL)
    return;
  gtk_label_set_text (self->blocked_label, self->blocked);
  gtk_widget_set_visible (self->preferences_button,
                          action_exists (GTK_WIDGET (self), "win.preferences"));
}

static void
check_row_activated (DeskReportPage *self,
                     GtkListBoxRow  *row)
{
  desk_report_page_record_activated (self, row);
}

static void
show_checks (DeskReportPage *self)
{
  guint n = self->warnings ? self->warnings->len : 0;
  g_autoptr(GtkSizeGroup) numbers = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  g_autoptr(GtkSizeGroup) dates = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  g_autofree char *text = NULL;

  clear_box (GTK_WIDGET (self->checks_list));
  gtk_widget_set_visible (self->checks_bar, n > 0);
  if (n == 0)
    return;

  text = g_strdup_printf (ngettext ("Checks before export: %u warning. Warnings do not block "
                                    "the export.",
                                    "Checks before export: %u warnings. Warnings do not block "
                                    "the export.", n), n);
  gtk_label_set_text (self->checks_label, text);

  for (guint i = 0; i < n; i++)
    {
      DeskReportWarning *warning = g_ptr_array_index (self->warnings, i);
      GtkWidget *message = gtk_label_new (warning->message);
      GtkWidget *list = gtk_list_box_new ();

      gtk_label_set_xalign (GTK_LABEL (message), 0.0);
      gtk_label_set_wrap (GTK_LABEL (message), TRUE);
      gtk_widget_add_css_class (message, "heading");
      gtk_box_append (self->checks_list, message);

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      warning->message, -1);
      for (guint j = 0; j < warning->records->len && j < MAX_LISTED; j++)
        gtk_list_box_append (GTK_LIST_BOX (list),
                             desk_report_page_make_record_row (self,
                                                               g_ptr_array_index (warning->records,
                                                                                  j),
                                                               NULL, numbers, dates));
      g_signal_connect_swapped (list, "row-activated", G_CALLBACK (check_row_activated), self);
      gtk_box_append (self->checks_list, list);
      if (warning->records->len > MAX_LISTED)
        {
          g_autofree char *more = g_strdup_printf (_("The first %u of %u records are listed."),
                                                   MAX_LISTED, warning->records->len);
          GtkWidget *label = gtk_label_new (more);

          gtk_label_set_xalign (GTK_LABEL (label), 0.0);
          gtk_widget_add_css_class (label, "dim-label");
          gtk_box_append (self->checks_list, label);
        }
    }
}

static void
build_visible_sheet (DeskReportPage *self)
{
  desk_report_page_build_sheet (self, gtk_stack_get_visible_child_name (self->sheets));
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  DeskReportPage *self = DESK_REPORT_PAGE (source);
  g_autoptr(GError) error = NULL;
  LoadResult *loaded;

  loaded = g_task_propagate_pointer (G_TASK (result), &error);
  if (loaded == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* a newer load is in charge */

  g_clear_object (&self->load_cancellable);
  stop_busy (self);
  gtk_popover_popdown (self->explain_popover);

  g_clear_pointer (&self->report, desk_report_free);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->exports, g_ptr_array_unref);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->blocked, g_free);
  if (loaded == NULL)
    {
      /* nothing of another month may stay in view, nor be exported */
      desk_report_page_clear_sheets (self);
      show_blocked (self);
      show_checks (self);
      desk_report_page_show_history (self);
      adw_status_page_set_description (self->error_status, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      return;
    }

  self->report = g_steal_pointer (&loaded->report);
  self->warnings = g_steal_pointer (&loaded->warnings);
  self->exports = g_steal_pointer (&loaded->exports);
  self->changes = g_steal_pointer (&loaded->changes);
  self->blocked = g_steal_pointer (&loaded->blocked);
  load_result_free (loaded);

  g_hash_table_remove_all (self->record_labels);
  desk_report_page_clear_sheets (self);
  build_visible_sheet (self);
  gtk_stack_set_visible_child_name (self->content_stack, "sheets");

  show_blocked (self);
  show_checks (self);
  desk_report_page_show_history (self);
}

/**
 * desk_report_page_reload:
 *
 * Computes the month's figures again (in a worker), cancelling a
 * computation under way.
 */
void
desk_report_page_reload (DeskReportPage *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (DESK_IS_REPORT_PAGE (self));

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->store == NULL)
    return;

  self->load_cancellable = g_cancellable_new ();
  data = g_new0 (LoadData, 1);
  data->path = g_strdup (desk_store_get_path (self->store));
  data->year = self->year;
  data->month = self->month;

  set_busy (self, TRUE);
  if (self->report == NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "loading");
  if (self->busy_timeout_id == 0)
    self->busy_timeout_id = g_timeout_add (BUSY_DELAY_MS, busy_timeout, self);

  task = g_task_new (self, self->load_cancellable, load_done, NULL);
  g_task_set_source_tag (task, desk_report_page_reload);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/* ---- the month --------------------------------------------------------- */

static void
show_month (DeskReportPage *self)
{
  g_autofree char *text = g_strdup_printf ("%04d-%02d", self->year, self->month);

  gtk_editable_set_text (GTK_EDITABLE (self->month_entry), text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->month_entry), "error");
}

void
desk_report_page_set_month (DeskReportPage *self,
                            int             year,
                            int             month)
{
  g_return_if_fail (DESK_IS_REPORT_PAGE (self));
  g_return_if_fail (month >= 1 && month <= 12);

  self->year = year;
  self->month = month;
  show_month (self);
  desk_report_page_reload (self);
}

void
desk_report_page_get_month (DeskReportPage *self,
                            int            *year,
                            int            *month)
{
  g_return_if_fail (DESK_IS_REPORT_PAGE (self));

  if (year != NULL)
    *year = self->year;
  if (month != NULL)
    *month = self->month;
}

static void
step_month (DeskReportPage *self,
            int             delta)
{
  int index = self->year * 12 + (self->month - 1) + delta;

  if (index / 12 < 1900 || index / 12 > 9999)
    return;
  desk_report_page_set_month (self, index / 12, index % 12 + 1);
}

static void
previous_month_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  step_month (DESK_REPORT_PAGE (widget), -1);
}

static void
next_month_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  step_month (DESK_REPORT_PAGE (widget), +1);
}

static void
reload_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  desk_report_page_reload (DESK_REPORT_PAGE (widget));
}

/* Reads "2026-11", "2026/11", "202611" and "2026年11月". */
static gboolean
parse_month (const char *text,
             int        *year,
             int        *month)
{
  g_autoptr(GString) plain = g_string_new (text);

  g_strstrip (plain->str);
  g_string_set_size (plain, strlen (plain->str));
  g_string_replace (plain, "年", "-", 1);
  if (g_str_has_suffix (plain->str, "月"))
    g_string_truncate (plain, plain->len - strlen ("月"));
  return desk_month_parse (plain->str, year, month);
}

static void
month_entry_activated (DeskReportPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->month_entry));
  int year, month;

  if (!parse_month (text, &year, &month))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->month_entry), "error");
      gtk_widget_error_bell (GTK_WIDGET (self->month_entry));
      return;
    }
  desk_report_page_set_month (self, year, month);
}

static void
month_entry_left (DeskReportPage *self)
{
  /* what was typed and not confirmed goes back to the month shown */
  show_month (self);
}

/* ---- the records behind a figure --------------------------------------- */

typedef struct
{
  char *path;
  int   year;
  int   month;
  char *sheet;
  char *row;
  char *column;
} ExplainData;

typedef struct
{
  GPtrArray *refs;
  GArray    *weights;
} ExplainResult;

static void
explain_data_free (ExplainData *data)
{
  g_free (data->path);
  g_free (data->sheet);
  g_free (data->row);
  g_free (data->column);
  g_free (data);
}

static void
explain_result_free (ExplainResult *result)
{
  g_clear_pointer (&result->refs, g_ptr_array_unref);
  g_clear_pointer (&result->weights, g_array_unref);
  g_free (result);
}

static void
explain_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ExplainData *data = task_data;
  g_autoptr(GError) error = NULL;
  ExplainResult *result = g_new0 (ExplainResult, 1);
  DeskStore *store;
  gulong handler;

  store = open_worker_store (data->path, cancellable, &handler, &error);
  if (store != NULL)
    {
      result->refs = desk_figures_explain_values (store, data->year, data->month, data->sheet,
                                                  data->row, data->column, &result->weights,
                                                  &error);
      close_worker_store (store, cancellable, handler);
    }
  if (result->refs != NULL)
    {
      g_task_return_pointer (task, result, (GDestroyNotify) explain_result_free);
      return;
    }
  explain_result_free (result);
  if (g_cancellable_is_cancelled (cancellable))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
explain_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  DeskReportPage *self = DESK_REPORT_PAGE (source);
  g_autofree char *column_path = user_data;
  g_autofree char *sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkSizeGroup) numbers = NULL;
  g_autoptr(GtkSizeGroup) dates = NULL;
  const DeskReportColumn *column;
  ExplainResult *explained;
  g_autofree char *footer = NULL;

  explained = g_task_propagate_pointer (G_TASK (result), &error);
  if (explained == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->explain_cancellable);

  if (explained == NULL)
    {
      gtk_label_set_text (self->explain_message, error->message);
      gtk_stack_set_visible_child_name (self->explain_stack, "message");
      gtk_label_set_text (self->explain_footer, "");
      return;
    }
  if (explained->refs->len == 0)
    {
      gtk_label_set_text (self->explain_message, _("No records are behind this figure."));
      gtk_stack_set_visible_child_name (self->explain_stack, "message");
      gtk_label_set_text (self->explain_footer, "");
      explain_result_free (explained);
      return;
    }

  sheet = g_strdup (g_object_get_data (G_OBJECT (self->explain_popover), "desk-sheet"));
  column = desk_report_page_find_column (self, sheet, column_path);
  numbers = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  dates = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  for (guint i = 0; i < explained->refs->len && i < MAX_LISTED; i++)
    {
      DeskRecordRef *ref = g_ptr_array_index (explained->refs, i);
      gint64 weight = g_array_index (explained->weights, gint64, i);
      g_autofree char *extra = NULL;

      /* what a record adds to a sum; a count adds one each */
      if (column != NULL && column->summable && (weight != 1 || column->decimals > 0))
        {
          DeskCell cell = { DESK_CELL_NUMBER, weight, NULL };
          g_autofree char *value = desk_cell_to_string (&cell, column->decimals);

          extra = g_strdup_printf ("+%s", value);
        }
      gtk_list_box_append (self->explain_list,
                           desk_report_page_make_record_row (self, ref, extra, numbers, dates));
    }
  gtk_stack_set_visible_child_name (self->explain_stack, "records");
  /* Enter opens the first record; arrows move on */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->explain_list, 0)));

  if (explained->refs->len > MAX_LISTED)
    footer = g_strdup_printf (_("The first %u of %u records are listed; "
                                "“legaldesk-cli explain” lists them all."),
                              MAX_LISTED, explained->refs->len);
  else if (column != NULL && !column->summable && !column->text)
    footer = g_strdup_printf (ngettext ("%u record. A ratio lists the records it is "
                                        "computed from.",
                                        "%u records. A ratio lists the records it is "
                                        "computed from.", explained->refs->len),
                              explained->refs->len);
  else
    footer = g_strdup_printf (ngettext ("%u record.", "%u records.", explained->refs->len),
                              explained->refs->len);
  gtk_label_set_text (self->explain_footer, footer);
  explain_result_free (explained);
}

static void
explain_row_activated (DeskReportPage *self,
                       GtkListBoxRow  *row)
{
  desk_report_page_record_activated (self, row);
}

/* Lists the records behind the figure of @cell in the popover. */
void
desk_report_page_explain (DeskReportPage *self,
                          GtkWidget      *cell)
{
  const char *sheet = g_object_get_data (G_OBJECT (cell), "desk-sheet");
  const char *row = g_object_get_data (G_OBJECT (cell), "desk-row");
  const char *path = g_object_get_data (G_OBJECT (cell), "desk-path");
  const DeskReportColumn *column = desk_report_page_find_column (self, sheet, path);
  const DeskCell *value = desk_report_get_cell (self->report, sheet, row, path);
  g_autofree char *text = desk_cell_to_string (value, column ? column->decimals : 0);
  g_autofree char *title = NULL;
  g_autoptr(GTask) task = NULL;
  ExplainData *data;
  graphene_rect_t bounds;

  if (self->store == NULL || self->report == NULL)
    return;

  if (self->explain_cancellable != NULL)
    g_cancellable_cancel (self->explain_cancellable);
  g_clear_object (&self->explain_cancellable);
  self->explain_cancellable = g_cancellable_new ();

  title = g_strdup_printf ("%s · %s · %s：%s", sheet, row, path, text);
  gtk_label_set_text (self->explain_title, title);
  g_object_set_data_full (G_OBJECT (self->explain_popover), "desk-sheet", g_strdup (sheet),
                          g_free);
  clear_list (self->explain_list);
  gtk_label_set_text (self->explain_footer, "");
  gtk_stack_set_visible_child_name (self->explain_stack, "busy");

  if (gtk_widget_compute_bounds (cell, GTK_WIDGET (self), &bounds))
    {
      GdkRectangle rect = {
        (int) bounds.origin.x, (int) bounds.origin.y,
        (int) bounds.size.width, (int) bounds.size.height
      };

      gtk_popover_set_pointing_to (self->explain_popover, &rect);
    }
  gtk_popover_popup (self->explain_popover);

  data = g_new0 (ExplainData, 1);
  data->path = g_strdup (desk_store_get_path (self->store));
  data->year = self->report->year;
  data->month = self->report->month;
  data->sheet = g_strdup (sheet);
  data->row = g_strdup (row);
  data->column = g_strdup (path);

  task = g_task_new (self, self->explain_cancellable, explain_done, g_strdup (path));
  g_task_set_source_tag (task, desk_report_page_explain);
  g_task_set_task_data (task, data, (GDestroyNotify) explain_data_free);
  g_task_run_in_thread (task, explain_thread);
}

static void
explain_popover_closed (DeskReportPage *self)
{
  if (self->explain_cancellable != NULL)
    g_cancellable_cancel (self->explain_cancellable);
  g_clear_object (&self->explain_cancellable);
}

static void
build_explain_popover (DeskReportPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->explain_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_position (self->explain_popover, GTK_POS_BOTTOM);
  gtk_widget_set_parent (GTK_WIDGET (self->explain_popover), GTK_WIDGET (self));
  g_signal_connect_swapped (self->explain_popover, "closed",
                            G_CALLBACK (explain_popover_closed), self);

  gtk_widget_set_size_request (box, 480, -1);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_popover_set_child (self->explain_popover, box);

  self->explain_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->explain_title, 0.0);
  gtk_label_set_wrap (self->explain_title, TRUE);
  gtk_label_set_max_width_chars (self->explain_title, 40);
  gtk_widget_add_css_class (GTK_WIDGET (self->explain_title), "heading");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->explain_title));

  self->explain_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->explain_stack, FALSE);
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_margin_top (spinner, 12);
  gtk_widget_set_margin_bottom (spinner, 12);
  gtk_stack_add_named (self->explain_stack, spinner, "busy");

  self->explain_message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->explain_message, 0.0);
  gtk_label_set_wrap (self->explain_message, TRUE);
  gtk_label_set_max_width_chars (self->explain_message, 40);
  gtk_widget_add_css_class (GTK_WIDGET (self->explain_message), "dim-label");
  gtk_stack_add_named (self->explain_stack, GTK_WIDGET (self->explain_message), "message");

  self->explain_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->explain_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->explain_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->explain_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Records behind the figure"), -1);
  g_signal_connect_swapped (self->explain_list, "row-activated",
                            G_CALLBACK (explain_row_activated), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller),
                                 GTK_WIDGET (self->explain_list));
  gtk_stack_add_named (self->explain_stack, scroller, "records");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->explain_stack));

  self->explain_footer = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->explain_footer, 0.0);
  gtk_label_set_wrap (self->explain_footer, TRUE);
  gtk_label_set_max_width_chars (self->explain_footer, 40);
  gtk_widget_add_css_class (GTK_WIDGET (self->explain_footer), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->explain_footer), "caption");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->explain_footer));
}

/* A record in a list: its number, the date it counts by, what it is; a
 * row to activate.  @extra (nullable) is shown at the end (what it adds). */
GtkWidget *
desk_report_page_make_record_row (DeskReportPage      *self,
                                  const DeskRecordRef *ref,
                                  const char          *extra,
                                  GtkSizeGroup        *number_group,
                                  GtkSizeGroup        *date_group)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  const char *number = ref->number && *ref->number ? ref->number
                                                   : desk_record_kind_title (ref->kind);
  GtkWidget *number_label = gtk_label_new (number);
  GtkWidget *date_label = gtk_label_new (ref->date ? ref->date : "");
  GtkWidget *what = gtk_label_new (ref->description ? ref->description : "");
  g_autofree char *tooltip = NULL;
  RecordKey *key = g_new0 (RecordKey, 1);

  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 10);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_label_set_xalign (GTK_LABEL (number_label), 0.0);
  gtk_widget_add_css_class (number_label, "numeric");
  gtk_box_append (GTK_BOX (box), number_label);
  gtk_label_set_xalign (GTK_LABEL (date_label), 0.0);
  gtk_widget_add_css_class (date_label, "numeric");
  gtk_widget_add_css_class (date_label, "dim-label");
  gtk_box_append (GTK_BOX (box), date_label);
  gtk_label_set_xalign (GTK_LABEL (what), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (what), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (what), 12);
  gtk_widget_set_hexpand (what, TRUE);
  gtk_box_append (GTK_BOX (box), what);
  if (extra != NULL)
    {
      GtkWidget *adds = gtk_label_new (extra);

      gtk_widget_add_css_class (adds, "numeric");
      gtk_widget_add_css_class (adds, "dim-label");
      gtk_box_append (GTK_BOX (box), adds);
    }
  if (number_group != NULL)
    gtk_size_group_add_widget (number_group, number_label);
  if (date_group != NULL)
    gtk_size_group_add_widget (date_group, date_label);

  tooltip = g_strdup_printf ("%s %s\n%s", desk_record_kind_title (ref->kind), number,
                             ref->description ? ref->description : "");
  gtk_widget_set_tooltip_text (row, tooltip);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  key->kind = g_strdup (ref->kind);
  key->id = ref->id;
  g_object_set_data_full (G_OBJECT (row), "desk-record", key, (GDestroyNotify) record_key_free);
  g_hash_table_insert (self->record_labels, record_label_key (ref->kind, ref->id),
                       g_strdup (number));
  return row;
}

void
desk_report_page_record_activated (DeskReportPage *self,
                                   GtkListBoxRow  *row)
{
  RecordKey *key = g_object_get_data (G_OBJECT (row), "desk-record");

  if (key == NULL)
    return;
  gtk_popover_popdown (self->explain_popover);
  g_signal_emit (self, signals[OPEN_RECORD], 0, key->kind, key->id);
}

/* Shows @toast (floating or not) in the window's toast overlay. */
void
desk_report_page_show_toast (DeskReportPage *self,
                             AdwToast       *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  g_object_ref_sink (toast);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (toast));
  else
    g_message ("%s", adw_toast_get_title (toast));
  g_object_unref (toast);
}

/* ---- GObject ----------------------------------------------------------- */

static void
sheet_shown (DeskReportPage *self)
{
  gtk_popover_popdown (self->explain_popover);
  build_visible_sheet (self);
}

static void
load_css (void)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      GtkCssProvider *provider = gtk_css_provider_new ();
      GdkDisplay *display = gdk_display_get_default ();

      gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "/desk-report-page.css");
      if (display != NULL)
        gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                    GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_object_unref (provider);
      g_once_init_leave (&loaded, 1);
    }
}

static void
desk_report_page_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  DeskReportPage *self = DESK_REPORT_PAGE (widget);

  GTK_WIDGET_CLASS (desk_report_page_parent_class)->size_allocate (widget, width, height,
                                                                   baseline);
  /* the popover is ours, not the bin's child's */
  if (self->explain_popover != NULL)
    gtk_popover_present (self->explain_popover);
}

static void
desk_report_page_map (GtkWidget *widget)
{
  DeskReportPage *self = DESK_REPORT_PAGE (widget);

  GTK_WIDGET_CLASS (desk_report_page_parent_class)->map (widget);
  /* records may have changed on the other pages while this one was away */
  if (self->away && self->report != NULL && !self->busy)
    desk_report_page_reload (self);
  self->away = FALSE;
}

static void
desk_report_page_unmap (GtkWidget *widget)
{
  DESK_REPORT_PAGE (widget)->away = TRUE;
  gtk_popover_popdown (DESK_REPORT_PAGE (widget)->explain_popover);
  GTK_WIDGET_CLASS (desk_report_page_parent_class)->unmap (widget);
}

static void
desk_report_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DeskReportPage *self = DESK_REPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_report_page_dispose (GObject *object)
{
  DeskReportPage *self = DESK_REPORT_PAGE (object);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->explain_cancellable != NULL)
    g_cancellable_cancel (self->explain_cancellable);
  g_clear_object (&self->explain_cancellable);
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);
  g_clear_handle_id (&self->busy_timeout_id, g_source_remove);
  if (self->explain_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->explain_popover));
  self->explain_popover = NULL;
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_REPORT_PAGE);

  G_OBJECT_CLASS (desk_report_page_parent_class)->dispose (object);
}

static void
desk_report_page_finalize (GObject *object)
{
  DeskReportPage *self = DESK_REPORT_PAGE (object);

  g_clear_pointer (&self->report, desk_report_free);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->exports, g_ptr_array_unref);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_free (self->blocked);
  g_hash_table_unref (self->built);
  g_hash_table_unref (self->figures);
  g_hash_table_unref (self->record_labels);

  G_OBJECT_CLASS (desk_report_page_parent_class)->finalize (object);
}

static void
desk_report_page_class_init (DeskReportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = desk_report_page_get_property;
  object_class->dispose = desk_report_page_dispose;
  object_class->finalize = desk_report_page_finalize;
  widget_class->size_allocate = desk_report_page_size_allocate;
  widget_class->map = desk_report_page_map;
  widget_class->unmap = desk_report_page_unmap;

  /**
   * DeskReportPage:busy:
   *
   * Whether the figures are being computed.
   */
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DeskReportPage::open-record:
   * @kind: the kind of record ("mediation_case", …, as in DeskRecordRef)
   * @id: its id
   *
   * A record listed behind a figure or under a check was activated.
   */
  signals[OPEN_RECORD] = g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                       2, G_TYPE_STRING, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/desk-report-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskReportPage, month_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskReportPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, DeskReportPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, DeskReportPage, history_button);
  gtk_widget_class_bind_template_child (widget_class, DeskReportPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, DeskReportPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, DeskReportPage, blocked_bar);
  gtk_widget_class_bind_template_child (widget_class, DeskReportPage, blocked_label);
  gtk_widget_class_bind_template_child (widget_class, DeskReportPage, preferences_button);
  gtk_widget_class_bind_template_child (widget_class, DeskReportPage, changed_bar);
  gtk_widget_class_bind_template_child (widget_class, DeskReportPage, changed_label);
  gtk_widget_class_bind_template_child (widget_class, DeskReportPage, checks_bar);
  gtk_widget_class_bind_template_child (widget_class, DeskReportPage, checks_label);
  gtk_widget_class_bind_template_child (widget_class, DeskReportPage, checks_toggle);
  gtk_widget_class_bind_template_child (widget_class, DeskReportPage, checks_list);
  gtk_widget_class_bind_template_child (widget_class, DeskReportPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskReportPage, error_status);
  gtk_widget_class_bind_template_child (widget_class, DeskReportPage, sheets);

  gtk_widget_class_install_action (widget_class, "report.previous-month", NULL,
                                   previous_month_activated);
  gtk_widget_class_install_action (widget_class, "report.next-month", NULL,
                                   next_month_activated);
  gtk_widget_class_install_action (widget_class, "report.reload", NULL, reload_activated);
  desk_report_page_export_class_init (widget_class);
}

/* Shortcuts that work wherever the focus is while the page is in view. */
static gboolean
page_shortcut (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  return gtk_widget_activate_action (widget, g_variant_get_string (args, NULL), NULL);
}

static void
add_page_shortcut (GtkShortcutController *controller,
                   guint                  key,
                   GdkModifierType        modifiers,
                   const char            *action)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (key, modifiers),
                                            gtk_callback_action_new (page_shortcut, NULL, NULL));

  gtk_shortcut_set_arguments (shortcut, g_variant_new_string (action));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
desk_report_page_init (DeskReportPage *self)
{
  GtkEventController *controller;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  int year, month, day;

  load_css ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->built = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->record_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  build_explain_popover (self);
  desk_report_page_export_init (self);

  /* last month: the forms are made in the first days of the next */
  today = desk_today ();
  desk_date_to_ymd (today, &year, &month, &day);
  self->year = month == 1 ? year - 1 : year;
  self->month = month == 1 ? 12 : month - 1;
  show_month (self);

  g_signal_connect_swapped (self->month_entry, "activate", G_CALLBACK (month_entry_activated),
                            self);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (month_entry_left), self);
  gtk_widget_add_controller (GTK_WIDGET (self->month_entry), controller);
  g_signal_connect_swapped (self->sheets, "notify::visible-child",
                            G_CALLBACK (sheet_shown), self);

  /* Alt+←/→, F5 and Ctrl+E before anything else (the window's leaflet
   * would take Alt+← for "back"); Page Up/Down only when nothing in focus
   * wants them (a list or a scrolled table pages with them). */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_page_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Left, GDK_ALT_MASK,
                     "report.previous-month");
  add_page_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Right, GDK_ALT_MASK,
                     "report.next-month");
  add_page_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_F5, 0, "report.reload");
  add_page_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_e, GDK_CONTROL_MASK,
                     "report.export");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  add_page_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Page_Up, 0,
                     "report.previous-month");
  add_page_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Page_Down, 0,
                     "report.next-month");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

GtkWidget *
desk_report_page_new (void)
{
  return g_object_new (DESK_TYPE_REPORT_PAGE, NULL);
}

/**
 * desk_report_page_set_store:
 *
 * Shows the figures of @store's ledger (computed with a connection of the
 * page's own on the same file).
 */
void
desk_report_page_set_store (DeskReportPage *self,
                            DeskStore      *store)
{
  g_return_if_fail (DESK_IS_REPORT_PAGE (self));
  g_return_if_fail (store == NULL || DESK_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  g_clear_pointer (&self->report, desk_report_free);
  desk_report_page_reload (self);
}

DeskStore *
desk_report_page_get_store (DeskReportPage *self)
{
  g_return_val_if_fail (DESK_IS_REPORT_PAGE (self), NULL);
  return self->store;
}

gboolean
desk_report_page_get_busy (DeskReportPage *self)
{
  g_return_val_if_fail (DESK_IS_REPORT_PAGE (self), FALSE);
  return self->busy;
}

/**
 * desk_report_page_describe_record:
 *
 * Returns: (transfer full): how the page named the record (its number, or
 *   its kind when it has none).
 */
char *
desk_report_page_describe_record (DeskReportPage *self,
                                  const char     *kind,
                                  gint64          id)
{
  g_autofree char *key = NULL;
  const char *label;

  g_return_val_if_fail (DESK_IS_REPORT_PAGE (self), NULL);

  key = record_label_key (kind, id);
  label = g_hash_table_lookup (self->record_labels, key);
  if (label != NULL && g_strcmp0 (label, desk_record_kind_title (kind)) != 0)
    return g_strdup_printf ("%s %s", desk_record_kind_title (kind), label);
  return g_strdup (desk_record_kind_title (kind));
}
