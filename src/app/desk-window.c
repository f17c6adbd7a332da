/* desk-window.c — the main window: the ledger, the sidebar and its pages.
 *
 * The window shows one of three things: the setup (first start: the ledger
 * file does not exist yet), the station's pages, or why the ledger cannot
 * be opened, with the way out (restore a backup).  Pages are listed in the
 * sidebar in the order of design.md; a page not built yet shows an empty
 * state that says so.  Records open in their editors, modal windows above
 * this one; Ctrl+N makes a new record of the page shown.  The primary
 * menu's 数据 section (desk-data-io.c) moves ledgers in and out; after it
 * changed the records the window emits "reload", and a restore closes the
 * ledger and opens it again (the "store" property tells the pages).
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-adviser-editor.h"
#include "desk-adviser-page.h"
#include "desk-aid-editor.h"
#include "desk-case-editor.h"
#include "desk-consultation-editor.h"
#include "desk-dashboard-page.h"
#include "desk-data-io.h"
#include "desk-date.h"
#include "desk-list-page.h"
#include "desk-people-page.h"
#include "desk-person-editor.h"
#include "desk-preferences-window.h"
#include "desk-report-page.h"
#include "desk-screening-editor.h"
#include "desk-service-log.h"
#include "desk-settings.h"
#include "desk-setup-view.h"
#include "desk-window.h"

struct _DeskWindow
{
  AdwApplicationWindow  parent_instance;

  char                 *path;
  DeskStore            *store;
  GSettings            *settings;

  AdwToastOverlay      *toasts;
  GtkStack             *mode_stack;
  AdwStatusPage        *error_status;
  DeskSetupView        *setup_view;
  AdwLeaflet           *leaflet;
  AdwWindowTitle       *title;
  AdwWindowTitle       *page_title;
  GtkListBox           *sidebar;
  GtkStack             *pages;
  DeskDashboardPage    *dashboard;
  DeskAdviserPage      *adviser_page;
  DeskReportPage       *report_page;
  GPtrArray            *list_pages;   /* DeskListPage */
  DeskPeoplePage       *people_page;

  DeskPreferencesWindow *preferences;   /* weak: while open */
  DeskDataIo           *data_io;
  AdwToast             *last_toast;
};

G_DEFINE_FINAL_TYPE (DeskWindow, desk_window, ADW_TYPE_APPLICATION_WINDOW)

static void records_changed (DeskWindow *self);

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RELOAD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  const char *name;
  const char *title;
  const char *icon;
  int         list;    /* the DeskListKind of a list page, or -1 */
} PageInfo;

static const PageInfo pages[] = {
  { "dashboard", N_("Dashboard"), "view-grid-symbolic", -1 },
  { "consultations", N_("Consultations"), "chat-message-new-symbolic",
    DESK_LIST_CONSULTATIONS },
  { "cases", N_("Mediation"), "system-users-symbolic", DESK_LIST_MEDIATION_CASES },
  { "screenings", N_("Screening"), "edit-find-symbolic", DESK_LIST_SCREENINGS },
  { "legal-aid", N_("Legal Aid"), "emblem-documents-symbolic", DESK_LIST_LEGAL_AID },
  { "advisers", N_("Legal Advisers"), "avatar-default-symbolic", -1 },
  { "people", N_("People"), "x-office-address-book-symbolic", DESK_LIST_PEOPLE },
  { "report", N_("Monthly Report"), "x-office-spreadsheet-symbolic", -1 },
};

static const PageInfo *
find_page (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (pages[i].name, name) == 0)
      return &pages[i];
  return NULL;
}

static GtkWidget *
make_sidebar_row (const PageInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(info->title));

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (info->icon));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, info->name);
  return row;
}

/**
 * desk_window_show_page:
 *
 * Shows the page @name and selects it in the sidebar.
 */
void
desk_window_show_page (DeskWindow *self,
                       const char *name)
{
  const PageInfo *info = find_page (name);
  GtkListBoxRow *row;

  g_return_if_fail (DESK_IS_WINDOW (self));
  if (info == NULL)
    info = &pages[0];

  gtk_stack_set_visible_child_name (self->pages, info->name);
  adw_window_title_set_title (self->page_title, _(info->title));
  row = gtk_list_box_get_row_at_index (self->sidebar, info - pages);
  if (gtk_list_box_get_selected_row (self->sidebar) != row)
    gtk_list_box_select_row (self->sidebar, row);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-page", info->name);
}

const char *
desk_window_get_page (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->pages);
}

static void
sidebar_row_activated (DeskWindow    *self,
                       GtkListBoxRow *row)
{
  desk_window_show_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
update_actions (DeskWindow *self)
{
  gboolean open = self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-record", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-consultation", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-consultation", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-case", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-case", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-aid", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-aid", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-screening", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-screening", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-person", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-person", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-adviser", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-adviser", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.service-log", open);
  if (self->data_io != NULL)
    desk_data_io_update_actions (self->data_io);
}

static void
set_store (DeskWindow *self,
           DeskStore  *store)
{
  g_autofree char *demo = desk_store_demo_path ();

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  /* The next start opens this ledger again; never the demonstration, which
   * is kept apart from the real one. */
  if (store != NULL && self->settings != NULL && g_strcmp0 (self->path, demo) != 0)
    g_settings_set_string (self->settings, "last-database", self->path);
}

static void
consultation_saved (DeskWindow             *self,
                    gint64                  id,
                    gboolean                created,
                    DeskConsultationEditor *editor)
{
  g_autofree char *title = g_strdup_printf (_("Consultation %s saved"),
                                            desk_consultation_editor_get_number (editor));

  desk_window_add_toast (self, adw_toast_new (title));
  records_changed (self);
}

static void
consultation_deleted (DeskWindow             *self,
                      gint64                  id,
                      DeskConsultationEditor *editor)
{
  g_autofree char *title = g_strdup_printf (_("Consultation %s deleted"),
                                            desk_consultation_editor_get_number (editor));

  desk_window_add_toast (self, adw_toast_new (title));
  records_changed (self);
}

static void
aid_saved (DeskWindow    *self,
           gint64         id,
           gboolean       created,
           DeskAidEditor *editor)
{
  g_autofree char *title = g_strdup_printf (_("Legal-aid application %s saved"),
                                            desk_aid_editor_get_number (editor));

  desk_window_add_toast (self, adw_toast_new (title));
  records_changed (self);
}

static void
aid_advanced (DeskWindow    *self,
              gint64         id,
              int            status,
              DeskAidEditor *editor)
{
  /* Translators: an application that moved on a step, e.g. 法律援助申请 FY2026-0003：已转交 */
  g_autofree char *title = g_strdup_printf (_("Legal-aid application %s: %s"),
                                            desk_aid_editor_get_number (editor),
                                            desk_aid_status_label (status));

  desk_window_add_toast (self, adw_toast_new (title));
  records_changed (self);
}

static void
aid_deleted (DeskWindow    *self,
             gint64         id,
             DeskAidEditor *editor)
{
  g_autofree char *title = g_strdup_printf (_("Legal-aid application %s deleted"),
                                            desk_aid_editor_get_number (editor));

  desk_window_add_toast (self, adw_toast_new (title));
  records_changed (self);
}

/* A new application (@id 0) or an existing one; @consultation_id: a new
 * one registered from that consultation. */
static DeskAidEditor *
open_aid_editor (DeskWindow *self,
                 gint64      id,
                 gint64      consultation_id)
{
  DeskAidEditor *editor;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return NULL;
  editor = desk_aid_editor_new (GTK_WINDOW (self), self->store);
  if ((id > 0 && !desk_aid_editor_load (editor, id, &error)) ||
      (id == 0 && consultation_id > 0 &&
       !desk_aid_editor_fill_from_consultation (editor, consultation_id, &error)))
    {
      desk_window_add_toast (self, adw_toast_new (error->message));
      gtk_window_destroy (GTK_WINDOW (editor));
      return NULL;
    }
  g_signal_connect_object (editor, "saved", G_CALLBACK (aid_saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "advanced", G_CALLBACK (aid_advanced), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "deleted", G_CALLBACK (aid_deleted), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

/* The consultation's result was 指导申请法律援助: its application, with the
 * visitor and the summary carried over. */
static void
open_aid_from_consultation (DeskConsultationEditor *editor,
                            gint64                  consultation_id,
                            gpointer                user_data)
{
  open_aid_editor (DESK_WINDOW (user_data), 0, consultation_id);
}

static void
new_aid_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  open_aid_editor (DESK_WINDOW (widget), 0, 0);
}

static void
edit_aid_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_aid_editor (DESK_WINDOW (widget), g_variant_get_int64 (parameter), 0);
}

static void
case_saved (DeskWindow     *self,
            gint64          id,
            gboolean        created,
            DeskCaseEditor *editor)
{
  g_autofree char *title = g_strdup_printf (_("Mediation case %s saved"),
                                            desk_case_editor_get_number (editor));

  desk_window_add_toast (self, adw_toast_new (title));
  records_changed (self);
}

static void
case_deleted (DeskWindow     *self,
              gint64          id,
              DeskCaseEditor *editor)
{
  g_autofree char *title = g_strdup_printf (_("Mediation case %s deleted"),
                                            desk_case_editor_get_number (editor));

  desk_window_add_toast (self, adw_toast_new (title));
  records_changed (self);
}

static void
present_case_editor (DeskWindow     *self,
                     DeskCaseEditor *editor)
{
  g_signal_connect_object (editor, "saved", G_CALLBACK (case_saved), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "deleted", G_CALLBACK (case_deleted), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static DeskCaseEditor *
open_case_editor (DeskWindow *self,
                  gint64      id)
{
  DeskCaseEditor *editor;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return NULL;
  editor = desk_case_editor_new (GTK_WINDOW (self), self->store);
  if (id > 0 && !desk_case_editor_load (editor, id, &error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      gtk_window_destroy (GTK_WINDOW (editor));
      return NULL;
    }
  present_case_editor (self, editor);
  return editor;
}

/* A consultation saved with 引导人民调解 offers the case it leads to: the
 * case's form, with the visitor and the summary carried over. */
static void
open_case_from_consultation (DeskConsultationEditor *consultation_editor,
                             gint64                  consultation_id,
                             gpointer                user_data)
{
  DeskWindow *self = DESK_WINDOW (user_data);
  DeskCaseEditor *editor;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  editor = desk_case_editor_new_from_consultation (GTK_WINDOW (self), self->store,
                                                   consultation_id, &error);
  if (editor == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  present_case_editor (self, editor);
}

static void
new_case_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_case_editor (DESK_WINDOW (widget), 0);
}

static void
edit_case_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_case_editor (DESK_WINDOW (widget), g_variant_get_int64 (parameter));
}

/* The editor is a modal window rather than a page in the content pane:
 * the sidebar, the page shortcuts and a narrow window's folded leaflet
 * cannot take the clerk away from a half-typed record, and any page (the
 * list, the dashboard, a person's history) can open one the same way. */
static DeskConsultationEditor *
open_consultation_editor (DeskWindow *self,
                          gint64      id)
{
  DeskConsultationEditor *editor;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return NULL;
  editor = desk_consultation_editor_new (GTK_WINDOW (self), self->store);
  if (id > 0 && !desk_consultation_editor_load (editor, id, &error))
    {
      desk_window_add_toast (self, adw_toast_new (error->message));
      gtk_window_destroy (GTK_WINDOW (editor));
      return NULL;
    }
  g_signal_connect_object (editor, "saved", G_CALLBACK (consultation_saved), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "deleted", G_CALLBACK (consultation_deleted), self,
                           G_CONNECT_SWAPPED);
  /* The editor lives no longer than this window, its parent. */
  desk_consultation_editor_set_open_case_func (editor, open_case_from_consultation, self,
                                               NULL);
  desk_consultation_editor_set_open_aid_func (editor, open_aid_from_consultation, self, NULL);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

static void
new_consultation_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  open_consultation_editor (DESK_WINDOW (widget), 0);
}

static void
edit_consultation_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  open_consultation_editor (DESK_WINDOW (widget), g_variant_get_int64 (parameter));
}

/* ---- screenings, advisers and their service log ---- */

static void
screening_saved (DeskWindow          *self,
                 gint64               id,
                 gboolean             created,
                 DeskScreeningEditor *editor)
{
  g_autofree char *what = desk_screening_editor_describe (editor);

  desk_window_add_toast (self,
                         adw_toast_new_format (_("Screening record saved: %s"), what));
  records_changed (self);
}

static void
screening_deleted (DeskWindow          *self,
                   gint64               id,
                   DeskScreeningEditor *editor)
{
  g_autofree char *what = desk_screening_editor_describe (editor);

  desk_window_add_toast (self,
                         adw_toast_new_format (_("Screening record deleted: %s"), what));
  records_changed (self);
}

static DeskScreeningEditor *
open_screening_editor (DeskWindow *self,
                       gint64      id)
{
  DeskScreeningEditor *editor;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return NULL;
  editor = desk_screening_editor_new (GTK_WINDOW (self), self->store);
  if (id > 0 && !desk_screening_editor_load (editor, id, &error))
    {
      desk_window_add_toast (self, adw_toast_new (error->message));
      gtk_window_destroy (GTK_WINDOW (editor));
      return NULL;
    }
  g_signal_connect_object (editor, "saved", G_CALLBACK (screening_saved), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "deleted", G_CALLBACK (screening_deleted), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

static void
new_screening_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  open_screening_editor (DESK_WINDOW (widget), 0);
}

static void
edit_screening_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  open_screening_editor (DESK_WINDOW (widget), g_variant_get_int64 (parameter));
}

/* ---- people and organisations (当事人) ---- */

static void
person_saved (DeskWindow       *self,
              gint64            id,
              gboolean          created,
              DeskPersonEditor *editor)
{
  desk_window_add_toast (self,
                         adw_toast_new_format (_("%s saved in the register"),
                                               desk_person_editor_get_name (editor)));
  records_changed (self);
}

static void
person_deleted (DeskWindow       *self,
                gint64            id,
                DeskPersonEditor *editor)
{
  desk_window_add_toast (self,
                         adw_toast_new_format (_("%s deleted from the register"),
                                               desk_person_editor_get_name (editor)));
  records_changed (self);
}

static DeskPersonEditor *
open_person_editor (DeskWindow *self,
                    gint64      id)
{
  DeskPersonEditor *editor;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return NULL;
  editor = desk_person_editor_new (GTK_WINDOW (self), self->store);
  if (id > 0 && !desk_person_editor_load (editor, id, &error))
    {
      desk_window_add_toast (self, adw_toast_new (error->message));
      gtk_window_destroy (GTK_WINDOW (editor));
      return NULL;
    }
  g_signal_connect_object (editor, "saved", G_CALLBACK (person_saved), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "deleted", G_CALLBACK (person_deleted), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

static void
new_person_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_person_editor (DESK_WINDOW (widget), 0);
}

static void
edit_person_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  open_person_editor (DESK_WINDOW (widget), g_variant_get_int64 (parameter));
}

/* An adviser or a month of services changed: the advisers page counts
 * again, and so do the dashboard (who falls short) and the report. */
static void
advisers_changed (DeskWindow *self)
{
  records_changed (self);
}

static void
adviser_saved (DeskWindow        *self,
               gint64             id,
               gboolean           created,
               DeskAdviserEditor *editor)
{
  desk_window_add_toast (self,
                         adw_toast_new_format (_("Legal adviser %s saved"),
                                                     desk_adviser_editor_get_name (editor)));
  advisers_changed (self);
}

static void
adviser_deleted (DeskWindow        *self,
                 gint64             id,
                 DeskAdviserEditor *editor)
{
  desk_window_add_toast (self,
                         adw_toast_new_format (_("Legal adviser %s deleted"),
                                                     desk_adviser_editor_get_name (editor)));
  advisers_changed (self);
}

static DeskAdviserEditor *
open_adviser_editor (DeskWindow *self,
                     gint64      id)
{
  DeskAdviserEditor *editor;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return NULL;
  editor = desk_adviser_editor_new (GTK_WINDOW (self), self->store);
  if (id > 0 && !desk_adviser_editor_load (editor, id, &error))
    {
      desk_window_add_toast (self, adw_toast_new (error->message));
      gtk_window_destroy (GTK_WINDOW (editor));
      return NULL;
    }
  g_signal_connect_object (editor, "saved", G_CALLBACK (adviser_saved), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "deleted", G_CALLBACK (adviser_deleted), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

static void
new_adviser_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  open_adviser_editor (DESK_WINDOW (widget), 0);
}

static void
edit_adviser_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  open_adviser_editor (DESK_WINDOW (widget), g_variant_get_int64 (parameter));
}

/* The month's services of one adviser (@parameter; 0: the first of the
 * register), this month. */
static void
service_log_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  DeskServiceLogEditor *editor;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = desk_today ();
  int year, month, day;

  if (self->store == NULL || !desk_date_to_ymd (today, &year, &month, &day))
    return;
  editor = desk_service_log_editor_new (GTK_WINDOW (self), self->store);
  if (!desk_service_log_editor_show_month (editor, g_variant_get_int64 (parameter), year, month,
                                           &error))
    {
      desk_window_add_toast (self, adw_toast_new (error->message));
      gtk_window_destroy (GTK_WINDOW (editor));
      return;
    }
  g_signal_connect_object (editor, "saved", G_CALLBACK (advisers_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* Ctrl+L on the advisers page: the service log.  Elsewhere the key is
 * left free. */
static gboolean
service_log_key (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  DeskWindow *self = DESK_WINDOW (widget);

  if (g_strcmp0 (desk_window_get_mode (self), "main") != 0 ||
      g_strcmp0 (desk_window_get_page (self), "advisers") != 0)
    return FALSE;
  return gtk_widget_activate_action (widget, "win.service-log", "x", (gint64) 0);
}

/* Ctrl+N: a new record of the kind the page shown lists. */
static void
new_record_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  const char *page = desk_window_get_page (self);

  if (g_strcmp0 (desk_window_get_mode (self), "main") != 0)
    return;
  if (g_strcmp0 (page, "consultations") == 0)
    gtk_widget_activate_action (widget, "win.new-consultation", NULL);
  else if (g_strcmp0 (page, "cases") == 0)
    gtk_widget_activate_action (widget, "win.new-case", NULL);
  else if (g_strcmp0 (page, "legal-aid") == 0)
    gtk_widget_activate_action (widget, "win.new-aid", NULL);
  else if (g_strcmp0 (page, "screenings") == 0)
    gtk_widget_activate_action (widget, "win.new-screening", NULL);
  else if (g_strcmp0 (page, "people") == 0)
    gtk_widget_activate_action (widget, "win.new-person", NULL);
  else if (g_strcmp0 (page, "advisers") == 0)
    gtk_widget_activate_action (widget, "win.new-adviser", NULL);
}

/* Ctrl+F: the search of the list page shown. */
static void
find_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->pages);

  if (DESK_IS_PEOPLE_PAGE (page))
    page = desk_people_page_get_list (DESK_PEOPLE_PAGE (page));
  if (g_strcmp0 (desk_window_get_mode (self), "main") == 0 && DESK_IS_LIST_PAGE (page))
    desk_list_page_focus_search (DESK_LIST_PAGE (page));
}

/* Whether the window has the action @name taking a record id ("x"). */
static gboolean
has_record_action (DeskWindow *self,
                   const char *name)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (self);
  const char *action;
  const GVariantType *parameter_type;
  const char *property;
  GType owner;

  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &action, &parameter_type,
                                                   &property); i++)
    if (g_strcmp0 (action, name) == 0)
      return parameter_type != NULL &&
             g_variant_type_equal (parameter_type, G_VARIANT_TYPE_INT64);
  return FALSE;
}

/* A record listed on the dashboard, behind a figure or in a check opens in
 * its editor; a kind whose editor this version lacks is named in a toast
 * instead of opening nothing. */
static void
open_record (DeskWindow *self,
             const char *kind,
             gint64      id,
             GtkWidget  *page)
{
  static const struct
  {
    const char *kind;
    const char *action;
  } editors[] = {
    { "consultation", "win.edit-consultation" },
    { "mediation_case", "win.edit-case" },
    { "legal_aid", "win.edit-aid" },
    { "screening", "win.edit-screening" },
    { "person", "win.edit-person" },
    { "adviser", "win.edit-adviser" },
  };
  g_autofree char *what = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
    if (g_strcmp0 (editors[i].kind, kind) == 0 && has_record_action (self, editors[i].action))
      {
        gtk_widget_activate_action (GTK_WIDGET (self), editors[i].action, "x", id);
        return;
      }

  if (DESK_IS_REPORT_PAGE (page))
    what = desk_report_page_describe_record (DESK_REPORT_PAGE (page), kind, id);
  else if (DESK_IS_DASHBOARD_PAGE (page))
    what = desk_dashboard_page_describe_record (DESK_DASHBOARD_PAGE (page), kind, id);
  desk_window_add_toast (self,
                         adw_toast_new_format (_("%s cannot be opened: this version has "
                                                 "no editor for it yet."),
                                               what != NULL ? what : kind));
}

/* Records were written: what the pages show may have moved. */
static void
records_changed (DeskWindow *self)
{
  desk_dashboard_page_reload (self->dashboard);
  desk_report_page_reload (self->report_page);
  desk_adviser_page_reload (self->adviser_page);
  for (guint i = 0; i < self->list_pages->len; i++)
    desk_list_page_reload (g_ptr_array_index (self->list_pages, i));
  desk_people_page_reload (self->people_page);
}

static void
update_station (DeskWindow *self)
{
  g_autofree char *station = desk_settings_get (self->store, "station");
  g_autofree char *demo = desk_store_demo_path ();
  g_autofree char *subtitle = NULL;

  /* The demonstration ledger says so wherever it is open, so that nobody
   * records a real visitor in it. */
  if (g_strcmp0 (self->path, demo) == 0)
    subtitle = g_strdup_printf (_("Demonstration · %s"), station ? station : "");
  else
    subtitle = g_strdup (station ? station : "");
  adw_window_title_set_subtitle (self->title, subtitle);
}

/**
 * desk_window_get_path:
 *
 * Returns: (transfer none): the ledger file the window shows.
 */
const char *
desk_window_get_path (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);
  return self->path;
}

static void
show_main (DeskWindow *self)
{
  g_autofree char *last = NULL;

  update_station (self);
  desk_dashboard_page_set_store (self->dashboard, self->store);
  desk_adviser_page_set_store (self->adviser_page, self->store);
  desk_report_page_set_store (self->report_page, self->store);
  for (guint i = 0; i < self->list_pages->len; i++)
    desk_list_page_set_store (g_ptr_array_index (self->list_pages, i), self->store);
  desk_people_page_set_store (self->people_page, self->store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.preferences", TRUE);
  gtk_stack_set_visible_child_name (self->mode_stack, "main");
  update_actions (self);
  last = self->settings ? g_settings_get_string (self->settings, "last-page")
                        : g_strdup ("dashboard");
  desk_window_show_page (self, last);
}

static void
setup_created (DeskWindow    *self,
               DeskSetupView *view)
{
  set_store (self, desk_setup_view_get_store (view));
  show_main (self);
}

static void
open_ledger (DeskWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autofree char *message = NULL;

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      desk_setup_view_set_path (self->setup_view, self->path);
      gtk_stack_set_visible_child_name (self->mode_stack, "setup");
      return;
    }

  store = desk_store_open (self->path, DESK_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      message = g_strdup_printf (_("%s\n\nFile: %s\nRestore a backup to go on working: the "
                                   "file above is kept aside, not deleted."),
                                 error->message, self->path);
      adw_status_page_set_description (self->error_status, message);
      gtk_stack_set_visible_child_name (self->mode_stack, "error");
      update_actions (self);
      return;
    }
  set_store (self, store);
  show_main (self);
}

static void
show_page_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  desk_window_show_page (DESK_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_sidebar_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  adw_leaflet_navigate (DESK_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
preferences_changed (DeskWindow *self)
{
  if (self->store == NULL)
    return;
  update_station (self);
  /* time limits, the report's due day, code tables and holidays move what
   * is due and the figures */
  records_changed (self);
}

static void
preferences_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);

  if (self->store == NULL)
    return;
  if (self->preferences == NULL)
    {
      self->preferences = desk_preferences_window_new (GTK_WINDOW (self), self->store);
      g_object_add_weak_pointer (G_OBJECT (self->preferences),
                                 (gpointer *) &self->preferences);
      g_signal_connect_object (self->preferences, "changed",
                               G_CALLBACK (preferences_changed), self, G_CONNECT_SWAPPED);
    }
  gtk_window_present (GTK_WINDOW (self->preferences));
}

static void
save_window_state (DeskWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
desk_window_close_request (GtkWindow *window)
{
  save_window_state (DESK_WINDOW (window));
  return GTK_WINDOW_CLASS (desk_window_parent_class)->close_request (window);
}

static void
desk_window_dispose (GObject *object)
{
  DeskWindow *self = DESK_WINDOW (object);

  if (self->preferences != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->preferences),
                                    (gpointer *) &self->preferences);
      gtk_window_destroy (GTK_WINDOW (self->preferences));
      self->preferences = NULL;
    }
  if (self->data_io != NULL)
    desk_data_io_detach (self->data_io);
  g_clear_object (&self->data_io);
  g_clear_object (&self->last_toast);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_WINDOW);

  G_OBJECT_CLASS (desk_window_parent_class)->dispose (object);
}

static void
desk_window_finalize (GObject *object)
{
  g_ptr_array_unref (DESK_WINDOW (object)->list_pages);
  g_free (DESK_WINDOW (object)->path);
  G_OBJECT_CLASS (desk_window_parent_class)->finalize (object);
}

static void
desk_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DeskWindow *self = DESK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
data_io_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  desk_data_io_activate (DESK_WINDOW (widget)->data_io, action_name, parameter);
}

static void
desk_window_class_init (DeskWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = desk_window_dispose;
  object_class->finalize = desk_window_finalize;
  object_class->get_property = desk_window_get_property;
  window_class->close_request = desk_window_close_request;

  /**
   * DeskWindow:store:
   *
   * The open ledger, or %NULL while there is none (setup, a ledger that
   * cannot be opened, a restore under way).  Pages that keep the store
   * follow this: a restore replaces it.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DESK_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DeskWindow::reload:
   *
   * The records changed behind the pages' back (an import, a restore): the
   * pages read again what they show.
   */
  signals[RELOAD] = g_signal_new ("reload", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (DESK_TYPE_SETUP_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/desk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, error_status);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, setup_view);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, title);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, pages);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_activated);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL,
                                   show_sidebar_activated);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL,
                                   preferences_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.preferences", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-page", "s", pages[i].name);

  gtk_widget_class_install_action (widget_class, "win.new-record", NULL, new_record_activated);
  gtk_widget_class_install_action (widget_class, "win.new-consultation", NULL,
                                   new_consultation_activated);
  gtk_widget_class_install_action (widget_class, "win.edit-consultation", "x",
                                   edit_consultation_activated);
  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, new_case_activated);
  gtk_widget_class_install_action (widget_class, "win.edit-case", "x", edit_case_activated);
  gtk_widget_class_install_action (widget_class, "win.new-aid", NULL, new_aid_activated);
  gtk_widget_class_install_action (widget_class, "win.edit-aid", "x", edit_aid_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-record", NULL);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.find", NULL);
  gtk_widget_class_install_action (widget_class, "win.new-screening", NULL,
                                   new_screening_activated);
  gtk_widget_class_install_action (widget_class, "win.edit-screening", "x",
                                   edit_screening_activated);
  gtk_widget_class_install_action (widget_class, "win.new-person", NULL, new_person_activated);
  gtk_widget_class_install_action (widget_class, "win.edit-person", "x", edit_person_activated);
  gtk_widget_class_install_action (widget_class, "win.new-adviser", NULL, new_adviser_activated);
  gtk_widget_class_install_action (widget_class, "win.edit-adviser", "x",
                                   edit_adviser_activated);
  gtk_widget_class_install_action (widget_class, "win.service-log", "x",
                                   service_log_activated);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, service_log_key,
                                NULL);

  desk_data_io_install_actions (widget_class, data_io_activated);
}

static void
desk_window_init (DeskWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->list_pages = g_ptr_array_new ();
  self->data_io = desk_data_io_new (self);
  /* Until a ledger is open there is nothing to set. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.preferences", FALSE);

  schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page;

      if (g_strcmp0 (pages[i].name, "dashboard") == 0)
        {
          page = desk_dashboard_page_new ();
          self->dashboard = DESK_DASHBOARD_PAGE (page);
          g_signal_connect_object (page, "open-record", G_CALLBACK (open_record),
                                   self, G_CONNECT_SWAPPED);
        }
      else if (g_strcmp0 (pages[i].name, "report") == 0)
        {
          page = desk_report_page_new ();
          self->report_page = DESK_REPORT_PAGE (page);
          g_signal_connect_object (page, "open-record", G_CALLBACK (open_record),
                                   self, G_CONNECT_SWAPPED);
        }
      else if (g_strcmp0 (pages[i].name, "advisers") == 0)
        {
          page = desk_adviser_page_new ();
          self->adviser_page = DESK_ADVISER_PAGE (page);
        }
      else if (g_strcmp0 (pages[i].name, "people") == 0)
        {
          page = desk_people_page_new ();
          self->people_page = DESK_PEOPLE_PAGE (page);
          g_signal_connect_object (page, "open-record", G_CALLBACK (open_record),
                                   self, G_CONNECT_SWAPPED);
        }
      else
        {
          g_assert (pages[i].list >= 0);
          page = desk_list_page_new (desk_list_page_spec (pages[i].list));
          g_ptr_array_add (self->list_pages, page);
        }
      gtk_list_box_append (self->sidebar, make_sidebar_row (&pages[i]));
      gtk_stack_add_named (self->pages, page, pages[i].name);
    }
  g_signal_connect_swapped (self->sidebar, "row-activated",
                            G_CALLBACK (sidebar_row_activated), self);
  g_signal_connect_swapped (self->setup_view, "created", G_CALLBACK (setup_created), self);
  update_actions (self);
}

DeskWindow *
desk_window_new (DeskApplication *application,
                 const char      *database_path)
{
  DeskWindow *self = g_object_new (DESK_TYPE_WINDOW, "application", application, NULL);

  self->path = g_strdup (database_path);
  open_ledger (self);
  return self;
}

/**
 * desk_window_get_store:
 *
 * Returns: (transfer none) (nullable): the open ledger, or %NULL during the
 *   setup or when it could not be opened.
 */
DeskStore *
desk_window_get_store (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);
  return self->store;
}

const char *
desk_window_get_mode (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->mode_stack);
}

/**
 * desk_window_add_toast:
 * @toast: (transfer full): the toast
 *
 * Shows @toast over the window.
 */
void
desk_window_add_toast (DeskWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (DESK_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  g_set_object (&self->last_toast, toast);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/**
 * desk_window_get_last_toast:
 *
 * Returns: (transfer none) (nullable): the toast shown last, for tests.
 */
AdwToast *
desk_window_get_last_toast (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);
  return self->last_toast;
}

/**
 * desk_window_reload:
 *
 * Tells the pages that the records changed (emits "reload").
 */
void
desk_window_reload (DeskWindow *self)
{
  g_return_if_fail (DESK_IS_WINDOW (self));

  if (self->store != NULL)
    {
      update_station (self);
      records_changed (self);
    }
  g_signal_emit (self, signals[RELOAD], 0);
}

/**
 * desk_window_close_ledger:
 *
 * Closes the window's connection to the ledger, for a restore, which must
 * find the file closed.  The preferences close with it; the pages stay
 * but cannot be used until desk_window_reopen_ledger().
 */
void
desk_window_close_ledger (DeskWindow *self)
{
  g_return_if_fail (DESK_IS_WINDOW (self));

  if (self->preferences != NULL)
    gtk_window_destroy (GTK_WINDOW (self->preferences));
  set_store (self, NULL);
  desk_dashboard_page_set_store (self->dashboard, NULL);
  desk_adviser_page_set_store (self->adviser_page, NULL);
  for (guint i = 0; i < self->list_pages->len; i++)
    desk_list_page_set_store (g_ptr_array_index (self->list_pages, i), NULL);
  desk_people_page_set_store (self->people_page, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->leaflet), FALSE);
  update_actions (self);
}

/**
 * desk_window_reopen_ledger:
 *
 * Opens the window's ledger file again (after a restore, or after a
 * restore that was refused) and tells the pages to reload.  When the file
 * cannot be opened the window says why, as at start.
 *
 * Returns: %TRUE when the ledger is open again
 */
gboolean
desk_window_reopen_ledger (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), FALSE);

  set_store (self, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->leaflet), TRUE);
  open_ledger (self);
  update_actions (self);
  if (self->store == NULL)
    return FALSE;
  desk_window_reload (self);
  return TRUE;
}
