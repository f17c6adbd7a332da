/* desk-adviser-page.c — the 法律顾问 page.
 *
 * The register of village legal advisers, one row each: name, institution,
 * the villages served today, and this month's on-site visits and hours
 * against the station's minimum.  Those who fall short this month (the
 * core's desk_adviser_shortfall(): advisers with a village that month and
 * less than the minimum on site) are marked.  A station has tens of
 * advisers, so a boxed list of rows is enough; the month's services are
 * gathered in a worker with its own read-only connection all the same,
 * since that grows with the ledger.  Activating a row opens the adviser;
 * each row's button opens its month of services.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "desk-adviser-page.h"
#include "desk-adviser.h"
#include "desk-codes.h"
#include "desk-date.h"
#include "desk-register.h"
#include "desk-service-log.h"
#include "desk-settings.h"

/* The report row of 服务方式 that counts as on site (data). */
#define MODE_ON_SITE "实地"

/* The spinner waits this long, so that a quick load does not flicker. */
#define BUSY_DELAY_MS 150

struct _DeskAdviserPage
{
  AdwBin         parent_instance;

  DeskStore     *store;
  GCancellable  *cancellable;       /* of the load under way */
  guint          busy_timeout_id;
  gboolean       busy;

  GtkStack      *stack;           /* the bin's child */
  GtkLabel      *month_label;
  GtkLabel      *minimum_label;
  GtkSpinner    *spinner;
  GtkLabel      *error_label;
  GtkListBox    *list;
};

G_DEFINE_FINAL_TYPE (DeskAdviserPage, desk_adviser_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- the worker --------------------------------------------------------- */

typedef struct
{
  gint64    id;
  char     *name;
  char     *institution;
  char     *villages;        /* served today, "东坪村、西岭村"; NULL: none */
  gboolean  serves_in_month; /* an assignment covers a day of the month */
  gboolean  short_of;        /* in desk_adviser_shortfall() */
  int       visits;          /* on site, this month */
  int       half_hours;
} Summary;

typedef struct
{
  int        year;
  int        month;
  int        min_visits;
  int        min_hours;
  GPtrArray *advisers;       /* (element-type Summary) in the register's order */
} Advisers;

typedef struct
{
  char *path;
  char *today;
} LoadData;

static void
summary_free (Summary *s)
{
  g_free (s->name);
  g_free (s->institution);
  g_free (s->villages);
  g_free (s);
}

static void
advisers_free (Advisers *a)
{
  if (a == NULL)
    return;
  g_clear_pointer (&a->advisers, g_ptr_array_unref);
  g_free (a);
}

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_free (data->today);
  g_free (data);
}

static Summary *
find_summary (Advisers *result,
              gint64    id)
{
  for (guint i = 0; i < result->advisers->len; i++)
    {
      Summary *s = g_ptr_array_index (result->advisers, i);

      if (s->id == id)
        return s;
    }
  return NULL;
}

static Advisers *
gather (DeskStore     *store,
        const char    *today,
        GCancellable  *cancellable,
        GError       **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) services = NULL;
  g_autoptr(GPtrArray) villages = NULL;
  g_autoptr(GPtrArray) modes = NULL;
  g_autoptr(GPtrArray) shortfall = NULL;
  g_autoptr(GArray) on_site = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  DeskAdviserServiceFilter filter = { 0 };
  Advisers *result;
  int day;

  result = g_new0 (Advisers, 1);
  result->advisers = g_ptr_array_new_with_free_func ((GDestroyNotify) summary_free);
  desk_date_to_ymd (today, &result->year, &result->month, &day);
  desk_month_bounds (result->year, result->month, &first, &last);
  result->min_visits = desk_settings_get_int (store, "adviser-min-visits");
  result->min_hours = desk_settings_get_int (store, "adviser-min-hours");

  villages = desk_village_list (store, NULL, error);
  ids = villages ? desk_adviser_list (store, error) : NULL;
  if (ids == NULL)
    goto failed;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(DeskAdviser) adviser = NULL;
      g_autoptr(GPtrArray) assignments = NULL;
      g_autoptr(GString) served = g_string_new (NULL);
      Summary *s;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto failed;
      adviser = desk_adviser_get (store, id, error);
      assignments = adviser ? desk_adviser_assignments (store, id, error) : NULL;
      if (assignments == NULL)
        goto failed;
      s = g_new0 (Summary, 1);
      s->id = id;
      s->name = g_strdup (adviser->name);
      s->institution = g_strdup (adviser->institution);
      for (guint j = 0; j < assignments->len; j++)
        {
          DeskAdviserAssignment *a = g_ptr_array_index (assignments, j);
          gboolean open = a->until_date == NULL;

          if (strcmp (a->from_date, last) <= 0 && (open || strcmp (a->until_date, first) >= 0))
            s->serves_in_month = TRUE;
          if (strcmp (a->from_date, today) > 0 || (!open && strcmp (a->until_date, today) < 0))
            continue;
          for (guint k = 0; k < villages->len; k++)
            {
              DeskVillage *village = g_ptr_array_index (villages, k);

              if (village->id == a->village_id)
                g_string_append_printf (served, "%s%s", served->len ? "、" : "", village->name);
            }
        }
      s->villages = served->len ? g_strdup (served->str) : NULL;
      g_ptr_array_add (result->advisers, s);
    }

  /* This month's services, counted by adviser: on site is 方式 实地. */
  modes = desk_codes_list (store, DESK_CODE_SERVICE_MODE, TRUE);
  for (guint i = 0; i < modes->len; i++)
    {
      DeskCode *code = g_ptr_array_index (modes, i);

      if (g_strcmp0 (code->report_row, MODE_ON_SITE) == 0)
        g_array_append_val (on_site, code->id);
    }
  filter.from = first;
  filter.until = last;
  services = desk_adviser_service_list (store, &filter, NULL, error);
  if (services == NULL)
    goto failed;
  for (guint i = 0; i < services->len; i++)
    {
      g_autoptr(DeskAdviserService) service = NULL;
      Summary *s;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto failed;
      service = desk_adviser_service_get (store, g_array_index (services, gint64, i), error);
      if (service == NULL)
        goto failed;
      s = find_summary (result, service->adviser_id);
      if (s == NULL)
        continue;
      for (guint j = 0; j < on_site->len; j++)
        if (g_array_index (on_site, gint64, j) == service->mode_id)
          {
            s->visits++;
            s->half_hours += service->half_hours;
          }
    }

  shortfall = desk_adviser_shortfall (store, result->year, result->month, error);
  if (shortfall == NULL)
    goto failed;
  for (guint i = 0; i < shortfall->len; i++)
    {
      DeskAdviserShortfall *f = g_ptr_array_index (shortfall, i);
      Summary *s = find_summary (result, f->adviser_id);

      if (s != NULL)
        s->short_of = TRUE;
    }
  return result;

failed:
  advisers_free (result);
  return NULL;
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
  Advisers *result = NULL;
  gulong handler = 0;

  store = desk_store_open (data->path, DESK_STORE_OPEN_READONLY, &error);
  if (store != NULL)
    {
      /* a newer load stops this one's statement where it is */
      handler = g_cancellable_connect (cancellable, G_CALLBACK (interrupt_statement),
                                       desk_store_get_db (store), NULL);
      result = gather (store, data->today, cancellable, &error);
      g_cancellable_disconnect (cancellable, handler);
    }
  if (result != NULL)
    g_task_return_pointer (task, result, (GDestroyNotify) advisers_free);
  else if (g_cancellable_is_cancelled (cancellable))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* ---- showing it --------------------------------------------------------- */

static void
set_busy (DeskAdviserPage *self,
          gboolean         busy)
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
  DeskAdviserPage *self = user_data;

  self->busy_timeout_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);
  return G_SOURCE_REMOVE;
}

static void
row_activated (DeskAdviserPage *self,
               GtkListBoxRow   *row)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "adviser-id"));

  gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-adviser", "x", id);
}

static GtkWidget *
adviser_row_new (const Advisers *result,
                 const Summary  *s)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box, *counts, *status, *icon, *button;
  g_autofree char *name = g_strdup_printf ("adviser-%" G_GINT64_FORMAT, s->id);
  g_autofree char *status_name = g_strdup_printf ("adviser-status-%" G_GINT64_FORMAT, s->id);
  g_autofree char *log_name = g_strdup_printf ("adviser-log-%" G_GINT64_FORMAT, s->id);
  g_autofree char *subtitle = NULL;
  g_autofree char *hours = desk_adviser_format_hours (s->half_hours);
  g_autofree char *counted = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_name (row, name);
  g_object_set_data (G_OBJECT (row), "adviser-id", GSIZE_TO_POINTER ((gsize) s->id));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), s->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (s->villages != NULL)
    /* Translators: an adviser's institution and the villages served today */
    subtitle = g_strdup_printf (_("%s · serves %s"), s->institution, s->villages);
  else
    subtitle = g_strdup_printf (_("%s · serves no village today"), s->institution);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  /* Translators: this month's on-site service, e.g. 实地 2 次 · 4.5 小时 */
  counted = g_strdup_printf (_("On site %d visits · %s hours"), s->visits, hours);
  counts = gtk_label_new (counted);
  gtk_label_set_xalign (GTK_LABEL (counts), 1);
  gtk_widget_add_css_class (counts, "dim-label");
  gtk_widget_add_css_class (counts, "caption");
  status = gtk_label_new (NULL);
  gtk_widget_set_name (status, status_name);
  gtk_label_set_xalign (GTK_LABEL (status), 1);
  if (s->short_of)
    {
      text = desk_service_log_describe_minimum (s->visits, s->half_hours, result->min_visits,
                                                result->min_hours, NULL);
      gtk_widget_add_css_class (status, "error");
      gtk_widget_add_css_class (status, "heading");
      gtk_widget_add_css_class (row, "shortfall");
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "error");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  else if (s->serves_in_month)
    {
      text = desk_service_log_describe_minimum (s->visits, s->half_hours, result->min_visits,
                                                result->min_hours, NULL);
      gtk_widget_add_css_class (status, "success");
    }
  else
    {
      /* the minimum applies to an adviser who serves a village that month */
      text = g_strdup (_("No village this month"));
      gtk_widget_add_css_class (status, "dim-label");
    }
  gtk_label_set_text (GTK_LABEL (status), text);
  gtk_box_append (GTK_BOX (box), status);
  gtk_box_append (GTK_BOX (box), counts);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  button = gtk_button_new_from_icon_name ("x-office-spreadsheet-symbolic");
  gtk_widget_set_name (button, log_name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("This Month's Services"));
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.service-log");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", s->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
show_advisers (DeskAdviserPage *self,
               const Advisers  *result)
{
  g_autofree char *month = NULL;
  g_autofree char *minimum = NULL;
  guint n_short = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < result->advisers->len; i++)
    {
      const Summary *s = g_ptr_array_index (result->advisers, i);

      n_short += s->short_of;
      gtk_list_box_append (self->list, adviser_row_new (result, s));
    }

  /* Translators: the month the page counts, e.g. 2026年11月 */
  month = g_strdup_printf (_("Services in %d-%02d"), result->year, result->month);
  gtk_label_set_text (self->month_label, month);
  if (n_short > 0)
    minimum = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "At least %d on-site visits and %d hours a month; "
                                            "%u adviser falls short.",
                                            "At least %d on-site visits and %d hours a month; "
                                            "%u advisers fall short.", n_short),
                               result->min_visits, result->min_hours, n_short);
  else
    minimum = g_strdup_printf (_("At least %d on-site visits and %d hours a month."),
                               result->min_visits, result->min_hours);
  gtk_label_set_text (self->minimum_label, minimum);
  gtk_stack_set_visible_child_name (self->stack, result->advisers->len > 0 ? "list" : "empty");
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  DeskAdviserPage *self = DESK_ADVISER_PAGE (source);
  g_autoptr(GError) error = NULL;
  Advisers *advisers;

  advisers = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* a newer load is under way, or the page is going */

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  if (advisers == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The advisers could not be listed: %s"),
                                                  error->message);

      gtk_label_set_text (self->error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  show_advisers (self, advisers);
  advisers_free (advisers);
}

/**
 * desk_adviser_page_reload:
 *
 * Gathers the advisers and the month again in a worker, cancelling a load
 * under way.
 */
void
desk_adviser_page_reload (DeskAdviserPage *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (DESK_IS_ADVISER_PAGE (self));

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
  g_task_set_source_tag (task, desk_adviser_page_reload);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/* Shown again: the day or the ledger may have moved on. */
static void
desk_adviser_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (desk_adviser_page_parent_class)->map (widget);
  desk_adviser_page_reload (DESK_ADVISER_PAGE (widget));
}

static void
desk_adviser_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DeskAdviserPage *self = DESK_ADVISER_PAGE (object);

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
desk_adviser_page_dispose (GObject *object)
{
  DeskAdviserPage *self = DESK_ADVISER_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->busy_timeout_id, g_source_remove);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_ADVISER_PAGE);

  G_OBJECT_CLASS (desk_adviser_page_parent_class)->dispose (object);
}

static void
desk_adviser_page_class_init (DeskAdviserPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = desk_adviser_page_get_property;
  object_class->dispose = desk_adviser_page_dispose;
  widget_class->map = desk_adviser_page_map;

  /**
   * DeskAdviserPage:busy:
   *
   * Whether the advisers are being gathered.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/desk-adviser-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserPage, month_label);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserPage, minimum_label);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserPage, list);
}

static void
desk_adviser_page_init (DeskAdviserPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The bin's own child, not a bound template child: AdwBin unparents it
   * itself when it goes. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated), self);
}

GtkWidget *
desk_adviser_page_new (void)
{
  return g_object_new (DESK_TYPE_ADVISER_PAGE, NULL);
}

/**
 * desk_adviser_page_set_store:
 * @store: (nullable): the open ledger
 *
 * Lists the advisers of @store.
 */
void
desk_adviser_page_set_store (DeskAdviserPage *self,
                             DeskStore       *store)
{
  g_return_if_fail (DESK_IS_ADVISER_PAGE (self));

  if (!g_set_object (&self->store, store))
    return;
  desk_adviser_page_reload (self);
}

gboolean
desk_adviser_page_get_busy (DeskAdviserPage *self)
{
  g_return_val_if_fail (DESK_IS_ADVISER_PAGE (self), FALSE);
  return self->busy;
}
