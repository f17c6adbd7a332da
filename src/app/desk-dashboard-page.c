/* desk-dashboard-page.c — the 工作台 page.
 *
 * What the station has to do today: mediation cases past their time limit,
 * follow-up visits due, legal-aid applications to forward (working days),
 * advisers short of this month's minimum, and whether last month's report
 * has gone to the county; then this month's counts beside last month's and
 * the station's indicators with their targets.
 *
 * Everything is gathered in a worker with its own read-only connection
 * (desk-dashboard-page-data.c), each time the page is shown and on
 * desk_dashboard_page_reload(); a newer load cancels the one under way.
 * Activating an item emits "open-record" with the record's kind and id for
 * the window to open it in its editor; the report goes to the 统计月报 page.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-dashboard-page-private.h"
#include "desk-dashboard-page.h"
#include "desk-date.h"

struct _DeskDashboardPage
{
  AdwBin          parent_instance;

  DeskStore      *store;
  DeskDashboard  *dashboard;          /* the last load shown */
  GCancellable   *cancellable;        /* of the load under way */
  gboolean        busy;
  guint           busy_timeout_id;

  GtkLabel       *today_label;
  GtkSpinner     *spinner;
  GtkLabel       *error_label;
  GtkBox         *due_box;
  GtkWidget      *due_empty;
  AdwActionRow   *report_row;
  GtkLabel       *report_status;
  GtkLabel       *counts_title;
  GtkLabel       *counts_description;
  GtkFlowBox     *counts_box;
  AdwPreferencesGroup *indicators_group;
  GtkListBox     *indicators_list;
};

G_DEFINE_FINAL_TYPE (DeskDashboardPage, desk_dashboard_page, ADW_TYPE_BIN)

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

/* The spinner waits this long, so that a quick load does not flicker. */
#define BUSY_DELAY_MS 150

static const char *const level_classes[] = {
  [DESK_DUE_LEVEL_NORMAL] = NULL,
  [DESK_DUE_LEVEL_DONE] = "success",
  [DESK_DUE_LEVEL_SOON] = "warning",
  [DESK_DUE_LEVEL_LATE] = "error",
};

/* Widget names, for finding an item's row: "case-overdue-12". */
static const char *const group_names[DESK_DUE_N_KINDS] = {
  [DESK_DUE_CASE_OVERDUE] = "case-overdue",
  [DESK_DUE_FOLLOW_UP] = "follow-up",
  [DESK_DUE_AID] = "aid",
  [DESK_DUE_ADVISER] = "adviser",
};

static void
set_level (GtkWidget    *widget,
           DeskDueLevel  level)
{
  for (guint i = 0; i < G_N_ELEMENTS (level_classes); i++)
    if (level_classes[i] != NULL)
      gtk_widget_remove_css_class (widget, level_classes[i]);
  if (level_classes[level] != NULL)
    gtk_widget_add_css_class (widget, level_classes[level]);
}

/* ---- the worker --------------------------------------------------------- */

typedef struct
{
  char *path;
  char *today;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_free (data->today);
  g_free (data);
}

static void
interrupt_statement (GCancellable *cancellable,
                     sqlite3      *db)
{
  sqlite3_interrupt (db);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = NULL;
  DeskDashboard *dashboard = NULL;
  gulong handler = 0;

  store = desk_store_open (data->path, DESK_STORE_OPEN_READONLY, &error);
  if (store != NULL)
    {
      /* a newer load stops this one's statement where it is */
      handler = g_cancellable_connect (cancellable, G_CALLBACK (interrupt_statement),
                                       desk_store_get_db (store), NULL);
      dashboard = desk_dashboard_compute (store, data->today, cancellable, &error);
      g_cancellable_disconnect (cancellable, handler);
    }
  if (dashboard != NULL)
    g_task_return_pointer (task, dashboard, (GDestroyNotify) desk_dashboard_free);
  else if (g_cancellable_is_cancelled (cancellable))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* ---- showing it --------------------------------------------------------- */

static void
set_busy (DeskDashboardPage *self,
          gboolean           busy)
{
  g_clear_handle_id (&self->busy_timeout_id, g_source_remove);
  if (!busy)
    {
      gtk_spinner_stop (self->spinner);
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
    }
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static gboolean
busy_timeout (gpointer user_data)
{
  DeskDashboardPage *self = user_data;

  self->busy_timeout_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);
  return G_SOURCE_REMOVE;
}

static void
item_row_activated (DeskDashboardPage *self,
                    AdwActionRow      *row)
{
  const char *kind = g_object_get_data (G_OBJECT (row), "record-kind");
  gint64 *id = g_object_get_data (G_OBJECT (row), "record-id");

  g_signal_emit (self, signals[OPEN_RECORD], 0, kind, *id);
}

static void
more_row_activated (DeskDashboardPage *self,
                    AdwActionRow      *row)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s",
                              g_object_get_data (G_OBJECT (row), "page"));
}

static GtkWidget *
status_label_new (const char   *text,
                  DeskDueLevel  level)
{
  GtkWidget *label = gtk_label_new (text);

  /* short ("超期 23 天"): whole, so that the title and subtitle wrap instead */
  gtk_widget_set_name (label, "status");
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  set_level (label, level);
  return label;
}

static GtkWidget *
item_row_new (DeskDashboardPage *self,
              const char        *group_name,
              const DeskDueItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = g_strdup_printf ("%s-%" G_GINT64_FORMAT, group_name, item->id);
  gint64 *id = g_new (gint64, 1);

  *id = item->id;
  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title);
  /* names and numbers are the ledger's own text, not markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_label_new (item->status, item->level));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "record-kind", (gpointer) item->record_kind);
  g_object_set_data_full (G_OBJECT (row), "record-id", id, g_free);
  g_signal_connect_object (row, "activated", G_CALLBACK (item_row_activated), self,
                           G_CONNECT_SWAPPED);
  return row;
}

static GtkWidget *
group_new (DeskDashboardPage  *self,
           const DeskDueGroup *group)
{
  GtkWidget *widget = adw_preferences_group_new ();
  const char *name = group_names[group->kind];

  gtk_widget_set_name (widget, name);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (widget), group->title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (widget), group->description);
  for (guint i = 0; i < group->items->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (widget),
                               item_row_new (self, name, g_ptr_array_index (group->items, i)));
  if (group->total > group->items->len)
    {
      GtkWidget *more = adw_action_row_new ();
      guint rest = group->total - group->items->len;
      g_autofree char *title =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more on the list page",
                                      "%u more on the list page", rest), rest);

      gtk_widget_set_name (more, "more");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (more),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (more), TRUE);
      g_object_set_data (G_OBJECT (more), "page", (gpointer) group->page);
      g_signal_connect_object (more, "activated", G_CALLBACK (more_row_activated), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (widget), more);
    }
  return widget;
}

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (parent))
        gtk_flow_box_remove (GTK_FLOW_BOX (parent), child);
      else if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
      else
        gtk_box_remove (GTK_BOX (parent), child);
    }
}

static GtkWidget *
caption_label_new (const char *name,
                   const char *text,
                   const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_name (label, name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A tile: the figure's label, this month's count large, last month's and
 * the change below. */
static GtkWidget *
count_tile_new (const DeskDashboardCount *count)
{
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, count->this_month);
  g_autofree char *last = g_strdup_printf ("%" G_GINT64_FORMAT, count->last_month);
  g_autofree char *previous = g_strdup_printf (_("last month %s"), last);
  g_autofree char *change = desk_dashboard_format_change (count->this_month,
                                                          count->last_month);
  g_autofree char *spoken = g_strdup_printf (_("%s: %s this month, %s last month"),
                                             count->label, value, last);
  GtkWidget *tile = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = caption_label_new ("label", count->label, "caption");
  GtkWidget *number = caption_label_new ("value", value, "title-1");
  GtkWidget *foot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *previous_label = caption_label_new ("previous", previous, "caption");
  GtkWidget *change_label = caption_label_new ("change", change, "caption-heading");

  gtk_widget_set_name (tile, count->label);
  gtk_widget_add_css_class (tile, "card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (tile), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);

  gtk_widget_add_css_class (title, "dim-label");
  gtk_widget_set_margin_top (title, 12);
  gtk_widget_add_css_class (number, "numeric");
  gtk_widget_add_css_class (previous_label, "dim-label");
  gtk_widget_set_hexpand (change_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (change_label), 1);
  gtk_widget_add_css_class (change_label, "numeric");
  gtk_box_append (GTK_BOX (foot), previous_label);
  gtk_box_append (GTK_BOX (foot), change_label);
  gtk_widget_set_margin_bottom (foot, 12);

  gtk_box_append (GTK_BOX (tile), title);
  gtk_box_append (GTK_BOX (tile), number);
  gtk_box_append (GTK_BOX (tile), foot);
  for (GtkWidget *child = title; child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_set_margin_start (child, 12);
      gtk_widget_set_margin_end (child, 12);
    }
  return tile;
}

static GtkWidget *
indicator_row_new (const DeskDashboardIndicator *indicator)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *target = desk_dashboard_format_percent (indicator->target);
  g_autofree char *subtitle = g_strdup_printf (_("target %s"), target);
  g_autofree char *value = indicator->has_value
                             ? desk_dashboard_format_percent (indicator->value)
                             : g_strdup ("—");
  GtkWidget *label = gtk_label_new (value);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);

  gtk_widget_set_name (row, indicator->label);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), indicator->label);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* the bar shows the way to the target (20 % of full-time mediators is
   * a full bar), at a glance */
  if (indicator->has_value && indicator->target > 0)
    gtk_level_bar_set_value (GTK_LEVEL_BAR (bar),
                             CLAMP ((double) indicator->value / indicator->target, 0, 1));
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_set_size_request (bar, 64, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);

  gtk_widget_set_name (label, "value");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "heading");
  if (indicator->has_value)
    set_level (label, indicator->value >= indicator->target ? DESK_DUE_LEVEL_DONE
                                                            : DESK_DUE_LEVEL_SOON);
  gtk_label_set_width_chars (GTK_LABEL (label), 6);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static void
show_dashboard (DeskDashboardPage *self)
{
  DeskDashboard *dashboard = self->dashboard;
  gboolean any = FALSE;

  remove_children (GTK_WIDGET (self->due_box));
  remove_children (GTK_WIDGET (self->counts_box));
  remove_children (GTK_WIDGET (self->indicators_list));
  if (dashboard == NULL)
    {
      gtk_label_set_text (self->today_label, "");
      gtk_widget_set_visible (self->due_empty, FALSE);
      return;
    }

  gtk_label_set_text (self->today_label, dashboard->today_title);
  for (guint i = 0; i < DESK_DUE_N_KINDS; i++)
    if (dashboard->groups[i].total > 0)
      {
        gtk_box_append (self->due_box, group_new (self, &dashboard->groups[i]));
        any = TRUE;
      }
  gtk_widget_set_visible (GTK_WIDGET (self->due_box), any);
  gtk_widget_set_visible (self->due_empty, !any);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->report_row),
                                 dashboard->report_title);
  adw_action_row_set_subtitle (self->report_row, dashboard->report_subtitle);
  gtk_label_set_text (self->report_status, dashboard->report_status);
  set_level (GTK_WIDGET (self->report_status), dashboard->report_level);

  gtk_label_set_text (self->counts_title, dashboard->counts_title);
  gtk_label_set_text (self->counts_description, dashboard->counts_description);
  for (guint i = 0; i < dashboard->counts->len; i++)
    gtk_flow_box_append (self->counts_box, count_tile_new (g_ptr_array_index (dashboard->counts,
                                                                              i)));

  adw_preferences_group_set_title (self->indicators_group, dashboard->indicators_title);
  for (guint i = 0; i < dashboard->indicators->len; i++)
    gtk_list_box_append (self->indicators_list,
                         indicator_row_new (g_ptr_array_index (dashboard->indicators, i)));
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  DeskDashboardPage *self = DESK_DASHBOARD_PAGE (source);
  g_autoptr(GError) error = NULL;
  DeskDashboard *dashboard;

  dashboard = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* a newer load is under way, or the page is going */

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  if (dashboard == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("What is due could not be gathered: %s"),
                                                  error->message);

      gtk_label_set_text (self->error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_clear_pointer (&self->dashboard, desk_dashboard_free);
  self->dashboard = dashboard;
  show_dashboard (self);
}

/**
 * desk_dashboard_page_reload:
 *
 * Gathers everything again in a worker, cancelling a load under way.
 */
void
desk_dashboard_page_reload (DeskDashboardPage *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (DESK_IS_DASHBOARD_PAGE (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store == NULL)
    {
      set_busy (self, FALSE);
      return;
    }

  data = g_new0 (LoadData, 1);
  data->path = g_strdup (desk_store_get_path (self->store));
  data->today = desk_today ();
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  self->busy_timeout_id = g_timeout_add (BUSY_DELAY_MS, busy_timeout, self);

  task = g_task_new (self, self->cancellable, load_done, NULL);
  g_task_set_source_tag (task, desk_dashboard_page_reload);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

static void
report_row_activated (DeskDashboardPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", "report");
}

static void
reload_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  desk_dashboard_page_reload (DESK_DASHBOARD_PAGE (widget));
}

/* Shown again: the day or the ledger may have moved on. */
static void
desk_dashboard_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (desk_dashboard_page_parent_class)->map (widget);
  desk_dashboard_page_reload (DESK_DASHBOARD_PAGE (widget));
}

static void
desk_dashboard_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DeskDashboardPage *self = DESK_DASHBOARD_PAGE (object);

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
desk_dashboard_page_dispose (GObject *object)
{
  DeskDashboardPage *self = DESK_DASHBOARD_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->busy_timeout_id, g_source_remove);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_DASHBOARD_PAGE);

  G_OBJECT_CLASS (desk_dashboard_page_parent_class)->dispose (object);
}

static void
desk_dashboard_page_finalize (GObject *object)
{
  desk_dashboard_free (DESK_DASHBOARD_PAGE (object)->dashboard);
  G_OBJECT_CLASS (desk_dashboard_page_parent_class)->finalize (object);
}

static void
desk_dashboard_page_class_init (DeskDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = desk_dashboard_page_get_property;
  object_class->dispose = desk_dashboard_page_dispose;
  object_class->finalize = desk_dashboard_page_finalize;
  widget_class->map = desk_dashboard_page_map;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DeskDashboardPage::open-record:
   * @kind: the kind of record: "mediation_case", "legal_aid" or "adviser"
   * @id: its id
   *
   * An item was activated: the window opens the record.
   */
  signals[OPEN_RECORD] = g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                       2, G_TYPE_STRING, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/desk-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskDashboardPage, today_label);
  gtk_widget_class_bind_template_child (widget_class, DeskDashboardPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, DeskDashboardPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, DeskDashboardPage, due_box);
  gtk_widget_class_bind_template_child (widget_class, DeskDashboardPage, due_empty);
  gtk_widget_class_bind_template_child (widget_class, DeskDashboardPage, report_row);
  gtk_widget_class_bind_template_child (widget_class, DeskDashboardPage, report_status);
  gtk_widget_class_bind_template_child (widget_class, DeskDashboardPage, counts_title);
  gtk_widget_class_bind_template_child (widget_class, DeskDashboardPage, counts_description);
  gtk_widget_class_bind_template_child (widget_class, DeskDashboardPage, counts_box);
  gtk_widget_class_bind_template_child (widget_class, DeskDashboardPage, indicators_group);
  gtk_widget_class_bind_template_child (widget_class, DeskDashboardPage, indicators_list);
  gtk_widget_class_bind_template_callback (widget_class, report_row_activated);

  gtk_widget_class_install_action (widget_class, "dashboard.reload", NULL, reload_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "dashboard.reload", NULL);
}

static void
desk_dashboard_page_init (DeskDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
desk_dashboard_page_new (void)
{
  return g_object_new (DESK_TYPE_DASHBOARD_PAGE, NULL);
}

/**
 * desk_dashboard_page_set_store:
 *
 * The ledger to show (%NULL: none); shown at once when the page is.
 */
void
desk_dashboard_page_set_store (DeskDashboardPage *self,
                               DeskStore         *store)
{
  g_return_if_fail (DESK_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (store == NULL || DESK_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  g_clear_pointer (&self->dashboard, desk_dashboard_free);
  show_dashboard (self);
  if (store == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    desk_dashboard_page_reload (self);
}

DeskStore *
desk_dashboard_page_get_store (DeskDashboardPage *self)
{
  g_return_val_if_fail (DESK_IS_DASHBOARD_PAGE (self), NULL);
  return self->store;
}

/* Whether a load is under way. */
gboolean
desk_dashboard_page_get_busy (DeskDashboardPage *self)
{
  g_return_val_if_fail (DESK_IS_DASHBOARD_PAGE (self), FALSE);
  return self->busy;
}

/**
 * desk_dashboard_page_describe_record:
 *
 * Returns: (transfer full) (nullable): the record of an item shown, named
 *   in a sentence ("调解案件（2026）青山人调字第12号"), or %NULL.
 */
char *
desk_dashboard_page_describe_record (DeskDashboardPage *self,
                                     const char        *kind,
                                     gint64             id)
{
  const DeskDueItem *item;

  g_return_val_if_fail (DESK_IS_DASHBOARD_PAGE (self), NULL);

  if (self->dashboard == NULL)
    return NULL;
  item = desk_dashboard_find (self->dashboard, kind, id);
  return item != NULL ? g_strdup (item->what) : NULL;
}
