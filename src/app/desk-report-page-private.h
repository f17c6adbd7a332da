/* desk-report-page-private.h — what the files of the report page share.
 *
 * desk-report-page.c holds the page, the month, the loading worker, the
 * notices and the records behind a figure; desk-report-page-sheets.c
 * builds the tables as grids; desk-report-page-export.c writes the
 * workbook and shows the report history.
 */
#pragma once

#include "desk-figures.h"
#include "desk-report-page.h"

G_BEGIN_DECLS

struct _DeskReportPage
{
  AdwBin          parent_instance;

  DeskStore      *store;
  int             year;
  int             month;
  gboolean        busy;
  gboolean        away;          /* unmapped since the figures were shown */
  guint           busy_timeout_id;
  GCancellable   *load_cancellable;

  /* what the page shows: the last load */
  DeskReport     *report;
  GPtrArray      *warnings;      /* DeskReportWarning */
  char           *blocked;       /* why export is blocked, or NULL */
  GPtrArray      *exports;       /* DeskExport of the month, oldest first */
  GPtrArray      *changes;       /* DeskFigureChange since the last export */

  GHashTable     *built;         /* sheets built from report */
  GHashTable     *figures;       /* figure key → its cell button (borrowed) */
  GHashTable     *record_labels; /* "kind:id" → the number shown for it */

  /* the records behind a figure */
  GtkPopover     *explain_popover;
  GtkLabel       *explain_title;
  GtkStack       *explain_stack;
  GtkLabel       *explain_message;
  GtkListBox     *explain_list;
  GtkLabel       *explain_footer;
  GCancellable   *explain_cancellable;

  GCancellable   *export_cancellable;
  GtkFileChooserNative *chooser;
  gboolean        exporting;
  GSettings      *settings;      /* last-export-folder; NULL without the schema */

  /* template */
  GtkEntry       *month_entry;
  GtkLabel       *status_label;
  GtkSpinner     *spinner;
  GtkMenuButton  *history_button;
  GtkListBox     *history_list;
  GtkButton      *export_button;
  GtkWidget      *blocked_bar;
  GtkLabel       *blocked_label;
  GtkWidget      *preferences_button;
  GtkWidget      *changed_bar;
  GtkLabel       *changed_label;
  GtkWidget      *checks_bar;
  GtkLabel       *checks_label;
  GtkToggleButton *checks_toggle;
  GtkBox         *checks_list;
  GtkStack       *content_stack;
  AdwStatusPage  *error_status;
  GtkStack       *sheets;
};

/* desk-report-page.c */
GtkWidget *desk_report_page_make_record_row   (DeskReportPage        *self,
                                               const DeskRecordRef   *ref,
                                               const char            *extra,
                                               GtkSizeGroup          *number_group,
                                               GtkSizeGroup          *date_group);
void       desk_report_page_record_activated  (DeskReportPage        *self,
                                               GtkListBoxRow         *row);
void       desk_report_page_show_toast        (DeskReportPage        *self,
                                               AdwToast              *toast);
void       desk_report_page_explain           (DeskReportPage        *self,
                                               GtkWidget             *cell);

/* desk-report-page-sheets.c */
void       desk_report_page_clear_sheets      (DeskReportPage        *self);
void       desk_report_page_build_sheet       (DeskReportPage        *self,
                                               const char            *sheet);
char      *desk_report_figure_key             (const char            *sheet,
                                               const char            *row,
                                               const char            *path);
const DeskReportColumn *
           desk_report_page_find_column       (DeskReportPage        *self,
                                               const char            *sheet,
                                               const char            *path);

/* desk-report-page-export.c */
void       desk_report_page_export_class_init (GtkWidgetClass        *widget_class);
void       desk_report_page_export_init       (DeskReportPage        *self);
void       desk_report_page_update_actions    (DeskReportPage        *self);
void       desk_report_page_load_history      (DeskStore             *store,
                                               const DeskReport      *report,
                                               GPtrArray            **exports,
                                               GPtrArray            **changes,
                                               GError               **error);
void       desk_report_page_show_history      (DeskReportPage        *self);
void       desk_report_page_mark_changes      (DeskReportPage        *self,
                                               const char            *sheet);

G_END_DECLS
